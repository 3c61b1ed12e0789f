package org.datatrail.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A Markdown report is pasted into articles and rendered: what the graph holds must come out as text, never as markup. */
class MarkdownReportTests {

    @Test
    void htmlInACellIsEscapedAndCannotBecomeMarkup() {
        String md = markdown(List.of("organisation", "<b>note</b>"), Arrays.asList("<img src=x onerror=alert(1)>", "AT&T <script>x</script>"));

        assertThat(md).isEqualTo("""
                | organisation | &lt;b&gt;note&lt;/b&gt; |
                | --- | --- |
                | &lt;img src=x onerror=alert(1)&gt; | AT&amp;T &lt;script&gt;x&lt;/script&gt; |
                """);
        assertThat(md).doesNotContain("<img", "<script", "<b>");
    }

    @Test
    void linksImagesCodeAndCellBreaksAreTakenLiterally() {
        String md = markdown(List.of("name"), List.of("![x](http://evil.example/t.png) [click](javascript:alert(1)) `code` *bold* a|b \\ line\nbreak"));

        assertThat(md.lines().toList().getLast())
            .isEqualTo("| !\\[x\\](http://evil.example/t.png) \\[click\\](javascript:alert(1)) \\`code\\` \\*bold\\* a\\|b \\\\ line break |");
    }

    @Test
    void plainTextAndListsStayReadable() {
        String md = markdown(List.of("organisation", "types", "records"), Arrays.asList("Emma's Diary (Lifecycle) \"LMMB\"",
                List.of("DATA_SUPPLIER", "OTHER"), 1000000.0));

        assertThat(md.lines().toList().getLast()).isEqualTo("| Emma's Diary (Lifecycle) \"LMMB\" | DATA_SUPPLIER; OTHER | 1000000 |");
    }

    private static String markdown(List<String> columns, List<Object> row) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportFormat.Sink sink = ReportFormat.MD.writer(out);
        sink.columns(columns);
        sink.row(row);
        sink.end(false);
        return out.toString(StandardCharsets.UTF_8);
    }
}
