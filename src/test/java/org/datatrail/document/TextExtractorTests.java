package org.datatrail.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The text each kind of upload is stored as (the text quote offsets count in), and the uploads refused. */
class TextExtractorTests {

    private final TextExtractor extractor = new TextExtractor(Duration.ofSeconds(20));

    @Test
    void plainTextIsDecodedWithUnixLineEndsAndNoByteOrderMark() {
        byte[] bytes = "\uFEFFEmma’s Diary\r\nsold data.\r\n".getBytes(StandardCharsets.UTF_8);

        assertThat(extractor.extract(bytes, TextExtractor.PLAIN, null)).isEqualTo("Emma’s Diary\nsold data.");
        assertThat(extractor.extract("caf\u00e9".getBytes(StandardCharsets.ISO_8859_1), TextExtractor.PLAIN, "ISO-8859-1")).isEqualTo("café");
    }

    @Test
    void htmlGivesTheVisibleTextOfItsBodyWithABlankLineBetweenBlocks() {
        String html = """
                <html><head><title>Ignored</title><style>p { color: red }</style></head>
                <body><h1>Firm   fined</h1><script>var x = 1;</script>
                <p>Emma&rsquo;s Diary <b>sold</b> data<br>to Experian.</p><div>Second   block</div></body></html>""";

        assertThat(extractor.extract(html.getBytes(StandardCharsets.UTF_8), TextExtractor.HTML, null))
            .isEqualTo("Firm fined\n\nEmma’s Diary sold data\nto Experian.\n\nSecond block");
    }

    @Test
    void aPdfGivesTheTextOfItsPages() {
        byte[] pdf = Pdfs.of("Emma's Diary sold data to Experian.", "It was they who sold it on.");

        assertThat(extractor.extract(pdf, TextExtractor.PDF, null)).isEqualTo("Emma's Diary sold data to Experian.\nIt was they who sold it on.");
    }

    @Test
    void unreadableUploadsAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> extractor.extract("%PDF-1.7 not really".getBytes(StandardCharsets.US_ASCII), TextExtractor.PDF, null))
            .isInstanceOf(DocumentRefusedException.class).hasMessageStartingWith("the PDF cannot be read (")
            .satisfies(e -> assertThat(((DocumentRefusedException) e).status()).isEqualTo(400));
        assertThatThrownBy(() -> extractor.extract("hello".getBytes(StandardCharsets.US_ASCII), TextExtractor.PDF, null))
            .hasMessage("the body is not a PDF (it does not start with %PDF-); send the file itself, or the Content-Type that matches it");
        assertThatThrownBy(() -> extractor.extract(new byte[] { (byte) 0xC3, (byte) 0x28 }, TextExtractor.PLAIN, null))
            .hasMessage("the text is not valid UTF-8; say its charset in the Content-Type (e.g. text/plain; charset=windows-1252)");
        assertThatThrownBy(() -> extractor.extract(" \n ".getBytes(StandardCharsets.US_ASCII), TextExtractor.PLAIN, null))
            .hasMessage("no text could be extracted from this text/plain; nothing was stored");
    }

    @Test
    void anExtractionThatTakesLongerThanTheTimeoutIsRefused() {
        TextExtractor impatient = new TextExtractor(Duration.ofNanos(1));

        assertThatThrownBy(() -> impatient.extract(Pdfs.of("slow"), TextExtractor.PDF, null)).isInstanceOf(DocumentRefusedException.class)
            .hasMessage("extracting the text of this application/pdf took longer than 0 ms (datatrail.documents.extraction-timeout); nothing was stored");
    }
}
