package org.datatrail.ingest;

/**
 * How a quote is compared with its source: typographic quotes and apostrophes count as plain ones, a no-break space
 * as a space, and any run of whitespace as one space; every other character must match exactly.
 */
public final class Quotes {

    private Quotes() {
    }

    public static String normalise(String text) {
        return normalise(text, null);
    }

    /**
     * The text normalised by the rule above, leading and trailing whitespace removed.
     *
     * @param origin when not null (and at least {@code text.length()} long), receives for each character of the result
     *        the index in {@code text} of the character it stands for (a run of whitespace stands at its first character)
     */
    static String normalise(String text, int[] origin) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        int spaceAt = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = plain(text.charAt(i));
            if (isWhitespace(c)) {
                if (!pendingSpace) {
                    pendingSpace = true;
                    spaceAt = i;
                }
                continue;
            }
            if (pendingSpace && !out.isEmpty()) {
                put(out, ' ', origin, spaceAt);
            }
            pendingSpace = false;
            put(out, c, origin, i);
        }
        return out.toString();
    }

    /** True when {@code quote} appears word for word in {@code sourceText}, by the rule above. */
    public static boolean appearsIn(String quote, String sourceText) {
        return normalise(sourceText).contains(normalise(quote));
    }

    private static void put(StringBuilder out, char c, int[] origin, int at) {
        if (origin != null) {
            origin[out.length()] = at;
        }
        out.append(c);
    }

    private static char plain(char c) {
        return switch (c) {
            case '’', '‘' -> '\'';
            case '“', '”' -> '"';
            case '\u00a0' -> ' ';
            default -> c;
        };
    }

    /** What the regular expression {@code \s} matches (Java's default, ASCII): the whitespace the rule collapses. */
    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }
}
