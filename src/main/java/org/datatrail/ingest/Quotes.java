package org.datatrail.ingest;

import java.util.regex.Pattern;

/**
 * How a quote is compared with its source: typographic quotes and apostrophes count as plain ones and any
 * run of whitespace as one space; every other character must match exactly.
 */
public final class Quotes {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Quotes() {
    }

    public static String normalise(String text) {
        String plain = text.replace('’', '\'').replace('‘', '\'').replace('“', '"').replace('”', '"').replace('\u00a0', ' ');
        return WHITESPACE.matcher(plain).replaceAll(" ").strip();
    }

    /** True when {@code quote} appears word for word in {@code sourceText}, by the rule above. */
    public static boolean appearsIn(String quote, String sourceText) {
        return normalise(sourceText).contains(normalise(quote));
    }
}
