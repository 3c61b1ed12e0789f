package org.datatrail.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

import tools.jackson.databind.ObjectWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * The one way the server writes CSV for people to open (reports over HTTP and on the command line): fields quoted per
 * RFC 4180 (by Jackson's CSV writer), lines ended with CRLF, and two rules for cells that came from sources or
 * investigators, the same the workbench's own export applies ({@code static/workbench/export.js}, {@code csvCell}):
 * <ul>
 * <li>a text cell starting with {@code = + - @}, a tab or a carriage return would run as a formula in a spreadsheet,
 * so it gets a leading {@code '} (OWASP's advice on CSV injection); numbers and booleans are written as they are;</li>
 * <li>a NUL character, which spreadsheets and CSV readers truncate or choke on, is replaced by U+FFFD.</li>
 * </ul>
 * Not for the offline import's files, which Neo4j's importer reads and which must keep values byte for byte.
 */
public final class CsvWriter {

    /** What a NUL in a cell becomes: the Unicode replacement character, so the reader sees that something was there. */
    public static final char NUL_REPLACEMENT = '\uFFFD';

    private static final ObjectWriter ROW = new CsvMapper().writer(CsvSchema.emptySchema().withLineSeparator("\r\n"));

    private final Writer out;

    /** Writes to {@code out}; {@link #flush()} when done (it is not closed). */
    public CsvWriter(Writer out) {
        this.out = out;
    }

    /** One line of cells: each a {@link #cell} of its value. */
    public void row(List<?> values) {
        try {
            out.write(ROW.writeValueAsString(values.stream().map(CsvWriter::cell).toArray(String[]::new)));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A line as it is (no quoting): for a report's own comment lines ({@code # ...}), which no row can be mistaken for,
     * because a cell starting with {@code #} is always quoted.
     */
    public void line(String text) {
        try {
            out.write(text.replace('\0', NUL_REPLACEMENT) + "\r\n");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void flush() {
        try {
            out.flush();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text a value is written as, before quoting: {@code null} is empty, a number or boolean is itself, and any
     * other text is made safe to open in a spreadsheet by the rules above.
     */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text = value.toString().replace('\0', NUL_REPLACEMENT);
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
