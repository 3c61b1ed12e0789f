package org.datatrail.report;

import java.util.List;

/**
 * One report file: {@code cypher/reports/<name>.cypher}, a header of {@code // title:}, {@code // answers:}
 * and {@code // param:} lines, then one Cypher query.
 *
 * @param firstQueryLine line of the file where the query starts, so database errors can name the file's line
 * @param verdict the column ({@code // verdict: <column>}) holding each row's use of data, which the runner replaces by the
 *        consent rule's verdict on it; null for none
 * @param lineage the column ({@code // lineage: <column>}) holding each row's chain as transfer ids, which the runner labels
 *        by the lineage rule the traces follow (columns basis and lineageBreaksAtHop); null for none
 * @param keep which rows to keep: {@code uncovered} (with a verdict), {@code data} (DATA chains) or {@code whole data chains}
 *        (DATA chains that no kept row extends: rows must come with a chain right before its extensions); null for all
 */
public record Report(String name, String file, String title, String answers, List<Parameter> parameters, String cypher,
        int firstQueryLine, String verdict, String lineage, String keep) {

    /** {@code // keep:} values. */
    public static final String UNCOVERED = "uncovered";
    public static final String DATA = "data";
    public static final String WHOLE_DATA_CHAINS = "whole data chains";

    /** The file's line on which {@code text} first appears in the query (ignoring case), or the query's first line. */
    int lineOf(String text) {
        String[] lines = cypher.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].toUpperCase(java.util.Locale.ROOT).contains(text.toUpperCase(java.util.Locale.ROOT))) {
                return firstQueryLine + i;
            }
        }
        return firstQueryLine;
    }

    /**
     * The types a report parameter may have. {@code Organisation} and {@code Source} are ids (text) that must name one:
     * checked before the query runs, and an id that names nothing is refused with the nearest names as suggestions.
     */
    public enum Type {
        String, Integer, Float, Boolean, Date, Organisation, Source, Fact;

        /** Whether a value of this type is the id of a node with this label. */
        public boolean isId() {
            return this == Organisation || this == Source || this == Fact;
        }
    }

    /**
     * {@code // param: <name> <Type> [<min>..<max>] [= <default>] -- <description>}; a parameter without a default is
     * required. A default of {@code null} means "no filter". A range bounds an Integer or Float parameter (both ends
     * included); every value is checked against its type and range before the query runs.
     *
     * @param min the smallest value allowed, or null for no bound of the report's own
     * @param max the largest value allowed, or null
     */
    public record Parameter(String name, Type type, boolean required, Object defaultValue, String description, Double min, Double max) {

        public Parameter(String name, Type type, boolean required, Object defaultValue, String description) {
            this(name, type, required, defaultValue, description, null, null);
        }
    }
}
