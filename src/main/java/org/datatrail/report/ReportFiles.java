package org.datatrail.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a report file's header; every mistake is reported as {@code <file>:<line>: <what is expected>}. */
final class ReportFiles {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern PARAM = Pattern.compile(
            "([A-Za-z][A-Za-z0-9]*)\\s+([A-Za-z]+)(?:\\s+(-?[0-9]+(?:\\.[0-9]+)?)\\.\\.(-?[0-9]+(?:\\.[0-9]+)?))?(?:\\s*=\\s*(.*?))?\\s+--\\s+(\\S.*)");

    /** The longest text a String parameter takes: ids and filter words are short, and a report has no use for more. */
    static final int MAX_STRING = 1000;

    private ReportFiles() {
    }

    static Report parse(String file, String text) {
        String fileName = file.substring(file.lastIndexOf('/') + 1);
        if (!fileName.endsWith(".cypher") || !NAME.matcher(fileName.substring(0, fileName.length() - 7)).matches()) {
            throw new ReportFileException(file + ":1: a report file is named <lower-case-name>.cypher");
        }
        String name = fileName.substring(0, fileName.length() - 7);
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        String title = null;
        String answers = null;
        List<Report.Parameter> parameters = new ArrayList<>();
        String verdict = null;
        String lineage = null;
        String keep = null;
        int i = 0;
        for (; i < lines.length && lines[i].strip().startsWith("//"); i++) {
            String line = lines[i].strip().substring(2).strip();
            int at = i + 1;
            if (line.startsWith("title:")) {
                title = line.substring(6).strip();
            }
            else if (line.startsWith("answers:")) {
                answers = line.substring(8).strip();
            }
            else if (line.startsWith("param:")) {
                parameters.add(parameter(file, at, line.substring(6).strip(), parameters));
            }
            else if (line.startsWith("verdict:")) {
                verdict = column(file, at, "verdict", line.substring(8).strip(), "the column holding each row's use");
            }
            else if (line.startsWith("lineage:")) {
                lineage = column(file, at, "lineage", line.substring(8).strip(), "the column holding each row's chain of transfer ids");
            }
            else if (line.startsWith("keep:")) {
                keep = line.substring(5).strip();
                if (!List.of(Report.UNCOVERED, Report.DATA, Report.WHOLE_DATA_CHAINS).contains(keep)) {
                    throw new ReportFileException(file + ":" + at + ": '// keep:' is 'uncovered', 'data' or 'whole data chains', was '" + keep + "'");
                }
            }
        }
        if (verdict != null && lineage != null) {
            throw new ReportFileException(file + ":1: a report has a '// verdict:' or a '// lineage:' line, not both");
        }
        if (Report.UNCOVERED.equals(keep) && verdict == null) {
            throw new ReportFileException(file + ":1: '// keep: uncovered' needs a '// verdict: <column>' line");
        }
        if (keep != null && !Report.UNCOVERED.equals(keep) && lineage == null) {
            throw new ReportFileException(file + ":1: '// keep: " + keep + "' needs a '// lineage: <column>' line");
        }
        if (title == null || title.isEmpty()) {
            throw new ReportFileException(file + ":1: the header needs a '// title: <title>' line");
        }
        if (answers == null || answers.isEmpty()) {
            throw new ReportFileException(file + ":1: the header needs a '// answers: <the question it answers>' line");
        }
        String cypher = String.join("\n", java.util.Arrays.copyOfRange(lines, i, lines.length)).strip();
        if (cypher.isEmpty()) {
            throw new ReportFileException(file + ":" + (i + 1) + ": the header is followed by no query");
        }
        return new Report(name, file, title, answers, List.copyOf(parameters), cypher, i + 1, verdict, lineage, keep);
    }

    private static String column(String file, int line, String key, String value, String what) {
        if (!value.matches("[A-Za-z][A-Za-z0-9]*")) {
            throw new ReportFileException(file + ":" + line + ": '// " + key + ": <column>' names " + what + ", was '" + value + "'");
        }
        return value;
    }

    private static Report.Parameter parameter(String file, int line, String spec, List<Report.Parameter> earlier) {
        Matcher m = PARAM.matcher(spec);
        if (!m.matches()) {
            throw new ReportFileException(file + ":" + line + ": a parameter is '// param: <name> <Type> [= <default>] -- <description>'");
        }
        Report.Type type;
        try {
            type = Report.Type.valueOf(m.group(2));
        }
        catch (IllegalArgumentException e) {
            throw new ReportFileException(file + ":" + line + ": parameter '" + m.group(1) + "' has type '" + m.group(2)
                    + "'; expected String, Integer, Float, Boolean, Date, Organisation, Source or Fact");
        }
        if (earlier.stream().anyMatch(p -> p.name().equals(m.group(1)))) {
            throw new ReportFileException(file + ":" + line + ": parameter '" + m.group(1) + "' is declared twice");
        }
        Double min = m.group(3) == null ? null : Double.valueOf(m.group(3));
        Double max = m.group(4) == null ? null : Double.valueOf(m.group(4));
        if (min != null && (type != Report.Type.Integer && type != Report.Type.Float || min > max)) {
            throw new ReportFileException(file + ":" + line + ": parameter '" + m.group(1) + "' has range " + m.group(3) + ".." + m.group(4)
                    + "; a range is '<min>..<max>' (min not above max) and only for an Integer or Float");
        }
        boolean required = m.group(5) == null;
        Object defaultValue = null;
        if (!required && !m.group(5).equals("null")) {
            try {
                defaultValue = convert(type, m.group(5));
                checkRange(defaultValue, min, max);
            }
            catch (IllegalArgumentException e) {
                throw new ReportFileException(file + ":" + line + ": parameter '" + m.group(1) + "' has default '" + m.group(5)
                        + "', which is not a " + type + (min == null ? "" : " in " + m.group(3) + ".." + m.group(4)));
            }
        }
        return new Report.Parameter(m.group(1), type, required, defaultValue, m.group(6).strip(), min, max);
    }

    /**
     * A value within {@code min..max} (either may be null: no bound).
     *
     * @throws IllegalArgumentException when it is outside
     */
    static void checkRange(Object value, Double min, Double max) {
        if (value instanceof Number n && (min != null && n.doubleValue() < min || max != null && n.doubleValue() > max)) {
            throw new IllegalArgumentException(String.valueOf(value));
        }
    }

    /**
     * A text value as the parameter's type.
     *
     * @throws IllegalArgumentException when it is not one
     */
    static Object convert(Report.Type type, String text) {
        try {
            return switch (type) {
                case String, Organisation, Source, Fact -> {
                    if (text.length() > MAX_STRING || text.indexOf('\0') >= 0) {
                        throw new IllegalArgumentException(text);
                    }
                    yield text;
                }
                case Integer -> Long.parseLong(text.strip());
                case Float -> {
                    double d = Double.parseDouble(text.strip());
                    if (!Double.isFinite(d)) {
                        throw new IllegalArgumentException(text);
                    }
                    yield d;
                }
                case Boolean -> switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw new IllegalArgumentException(text);
                };
                case Date -> LocalDate.parse(text.strip());
            };
        }
        catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
