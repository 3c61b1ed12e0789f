package org.datatrail.organisation;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Folds names for search so that "Emma’s Diary", "EMMAS DIARY" and "emmas-diary" meet: lower case, accents
 * stripped, apostrophes dropped (so "emma's" becomes "emmas"), every other punctuation mark a space.
 * The write path stores the folded names and aliases; a search query is folded the same way.
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’‘`´]");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** The longest search text accepted, in characters. */
    public static final int MAX_CHARACTERS = 500;

    /**
     * The most words a search may have: each word is two Lucene clauses, and Lucene refuses a query of more than 1,024;
     * 32 leaves room and is more than any name needs.
     */
    public static final int MAX_WORDS = 32;

    private SearchText() {
    }

    /**
     * The folded form of a search argument, checked: at most {@link #MAX_CHARACTERS} characters, at least one and at
     * most {@link #MAX_WORDS} words.
     *
     * @param argument the argument's name, for the error
     * @throws org.datatrail.system.BadArgumentException naming the argument and the limit
     */
    public static String searchable(String argument, String text) {
        if (text.length() > MAX_CHARACTERS) {
            throw new org.datatrail.system.BadArgumentException(argument, "must be at most " + MAX_CHARACTERS + " characters long, was "
                    + text.length());
        }
        String folded = fold(text);
        if (folded.isEmpty()) {
            throw new org.datatrail.system.BadArgumentException(argument, "must contain at least one letter or digit");
        }
        long words = Arrays.stream(folded.split(" ")).distinct().count();
        if (words > MAX_WORDS) {
            throw new org.datatrail.system.BadArgumentException(argument, "must have at most " + MAX_WORDS + " different words, had " + words);
        }
        return folded;
    }

    /** The folded form of one text. */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String plain = MARKS.matcher(decomposed).replaceAll("");
        plain = APOSTROPHES.matcher(plain).replaceAll("");
        return NOT_WORD.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /**
     * The full-text query for a folded search text: each word must match, and an exact word outranks a prefix
     * (folded words are letters and digits only, so there is nothing to escape).
     */
    public static String luceneQuery(String folded) {
        return Arrays.stream(folded.split(" ")).distinct().map(w -> "(" + w + "^3 OR " + w + "*)").collect(Collectors.joining(" AND "));
    }

    /**
     * The full-text query for a folded search text, as {@link #luceneQuery(String)}, confined to one property of an index
     * that covers several (a word in an unqualified query would match any of them).
     */
    public static String luceneQuery(String property, String folded) {
        return property + ":(" + luceneQuery(folded) + ")";
    }

    /** Folded name and aliases, one per line, as stored in {@code Organisation.searchText}. */
    public static String of(String name, Iterable<String> aliases) {
        Stream.Builder<String> all = Stream.builder();
        all.add(name);
        aliases.forEach(all::add);
        return all.build().map(SearchText::fold).distinct().collect(Collectors.joining("\n"));
    }
}
