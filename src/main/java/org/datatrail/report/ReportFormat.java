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
 * "; "; written by {@link CsvWriter}, so safe to open in a spreadsheet), JSON (an array of objects) or Markdown (a table to paste into an article).
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

    /** Receives a report's output as the database produces it. */
    public interface Sink {
        void columns(List<String> columns);

        void row(List<Object> values);

        void end(boolean truncated);
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
