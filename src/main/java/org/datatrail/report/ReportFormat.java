package org.datatrail.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.datatrail.system.CsvWriter;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a report's rows are written, row by row as they arrive: CSV (a header, then rows; lists joined with
 * "; "; written by {@link CsvWriter}, so safe to open in a spreadsheet), JSON (an object: {@code columns}, {@code rows}
 * as objects, {@code truncated}) or Markdown (a table to paste into an article).
 * <p>
 * A report never looks complete when it is not. Cut by the row limit: CSV ends with the comment line
 * {@value #CSV_TRUNCATED}, JSON says {@code "truncated": true}, Markdown ends with a line saying so. Failed after its
 * first bytes were sent: CSV ends with a comment line starting {@value #CSV_FAILED}, JSON is left unclosed (after an
 * {@code "error"} member, so no JSON reader accepts it as a whole answer), Markdown ends with a line saying so. A CSV
 * cell never starts a line with {@code #} (the writer quotes it), so a comment line is always the report's own.
 */
public enum ReportFormat {

    CSV("text/csv"), JSON("application/json"), MD("text/markdown");

    private final String mediaType;

    ReportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /**
     * @throws IllegalArgumentException naming the accepted formats
     */
    public static ReportFormat of(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown format '" + name + "'; expected csv, json or md");
        }
    }

    /** The last line of a CSV report that the row limit cut short. */
    public static final String CSV_TRUNCATED = "# truncated: the row limit cut this report short";

    /** How the last line of a CSV report that failed after it started begins. */
    public static final String CSV_FAILED = "# failed:";

    /** Receives a report's output as the database produces it. */
    public interface Sink {
        void columns(List<String> columns);

        void row(List<Object> values);

        void end(boolean truncated);

        /**
         * The report failed after {@link #columns} (nothing else follows): end the output so that no reader takes it for
         * a whole report.
         */
        default void fail(String message) {
        }
    }

    /** A sink that writes this format to {@code out} (not closed). */
    public Sink writer(OutputStream out) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        return switch (this) {
            case CSV -> new CsvSink(writer);
            case JSON -> new JsonSink(out);
            case MD -> new MarkdownSink(writer);
        };
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ReportFormat::text).collect(Collectors.joining("; "));
        }
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return Long.toString(d.longValue());
        }
        return value instanceof TemporalAccessor ? value.toString() : String.valueOf(value);
    }

    /** A cell's value for {@link CsvWriter}: numbers and booleans stay themselves (never formula-escaped), the rest is text. */
    static Object csvValue(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return d.longValue();
        }
        return value instanceof Number || value instanceof Boolean ? value : text(value);
    }

    private static final class CsvSink implements Sink {
        private final CsvWriter csv;

        CsvSink(Writer writer) {
            this.csv = new CsvWriter(writer);
        }

        @Override
        public void columns(List<String> columns) {
            csv.row(columns);
        }

        @Override
        public void row(List<Object> values) {
            csv.row(values.stream().map(ReportFormat::csvValue).toList());
        }

        @Override
        public void end(boolean truncated) {
            if (truncated) {
                csv.line(CSV_TRUNCATED);
            }
            csv.flush();
        }

        @Override
        public void fail(String message) {
            csv.line(CSV_FAILED + " " + message.replace('\r', ' ').replace('\n', ' '));
            csv.flush();
        }
    }

    private static final class JsonSink implements Sink {
        private final JsonGenerator json;
        private List<String> columns;

        JsonSink(OutputStream out) {
            this.json = JsonMapper.builder().build().createGenerator(out);
        }

        @Override
        public void columns(List<String> columns) {
            this.columns = columns;
            json.writeStartObject();
            json.writeName("columns");
            json.writePOJO(columns);
            json.writeName("rows");
            json.writeStartArray();
        }

        @Override
        public void row(List<Object> values) {
            json.writeStartObject();
            for (int i = 0; i < columns.size(); i++) {
                json.writeName(columns.get(i));
                json.writePOJO(values.get(i) instanceof TemporalAccessor t ? t.toString() : values.get(i));
            }
            json.writeEndObject();
        }

        @Override
        public void end(boolean truncated) {
            json.writeEndArray();
            json.writeName("truncated");
            json.writeBoolean(truncated);
            json.writeEndObject();
            json.flush();
        }

        @Override
        public void fail(String message) {
            // the rows array is closed and the error named, but the object is not: no JSON reader accepts the answer whole
            json.writeEndArray();
            json.writeName("error");
            json.writeString(message);
            json.flush();
        }
    }

    private static final class MarkdownSink implements Sink {
        private final Writer writer;

        MarkdownSink(Writer writer) {
            this.writer = writer;
        }

        @Override
        public void columns(List<String> columns) {
            line(columns.stream().map(MarkdownSink::cell).toList());
            line(columns.stream().map(c -> "---").toList());
        }

        @Override
        public void row(List<Object> values) {
            line(values.stream().map(v -> cell(text(v))).toList());
        }

        /**
         * A cell as literal text wherever the Markdown is rendered: HTML is escaped (a name like
         * {@code <img src=x onerror=...>} must not become markup in a reader's page), and so are the characters that
         * would start a link or image ({@code [}, {@code ]}), code, emphasis or a new cell; line breaks become spaces.
         */
        static String cell(String text) {
            StringBuilder out = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '\\', '|', '[', ']', '`', '*' -> out.append('\\').append(c);
                    case '\n', '\r' -> out.append(' ');
                    default -> out.append(c);
                }
            }
            return out.toString();
        }

        @Override
        public void end(boolean truncated) {
            if (truncated) {
                line(List.of("(more rows: the row limit cut the report short)"));
            }
            flush(writer);
        }

        @Override
        public void fail(String message) {
            line(List.of(cell("(the report failed here, so the rows above are not all of it: " + message + ")")));
            flush(writer);
        }

        private void line(List<String> cells) {
            try {
                writer.write("| " + String.join(" | ", cells) + " |\n");
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void flush(Writer writer) {
        try {
            writer.flush();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
