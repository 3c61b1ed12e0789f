package org.datatrail.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a source's document, ready for finding quotes in it by the {@link Quotes} rule: where a quote stands
 * (character offsets into the text exactly as stored, {@code text.substring(start, end)}), the sentence around it,
 * and, for a quote that is not there, the passage most like it.
 * <p>
 * The text is normalised once, with a map from each normalised character back to the text, so that checking many
 * quotes against one document costs one pass over the document plus one search per quote.
 */
public final class SourceText {

    /** How far a context reaches either side of a quote when no sentence or paragraph ends sooner. */
    static final int CONTEXT_REACH = 400;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int SUGGESTION_MAX = 300;

    private final String text;
    private final String normalised;
    private final int[] origin;

    /**
     * Where a quote stands in the text.
     *
     * @param start offset of the quote's first character in the stored text
     * @param end offset just after its last character ({@code text.substring(start, end)} is the quote as the document
     *        spells it)
     * @param context the sentence (or sentences) around the quote, whitespace collapsed; at most {@link #CONTEXT_REACH}
     *        characters either side of the quote, cut at a word
     */
    public record Location(int start, int end, String context) {
    }

    public SourceText(String text) {
        this.text = text;
        this.origin = new int[text.length()];
        this.normalised = Quotes.normalise(text, origin);
    }

    public String text() {
        return text;
    }

    /** Where the quote first appears, by the {@link Quotes} rule; empty when it does not (or is blank). */
    public Optional<Location> locate(String quote) {
        String q = Quotes.normalise(quote);
        int at = q.isEmpty() ? -1 : normalised.indexOf(q);
        if (at < 0) {
            return Optional.empty();
        }
        int start = origin[at];
        int end = origin[at + q.length() - 1] + 1;
        return Optional.of(new Location(start, end, context(start, end)));
    }

    /**
     * The passage of the text most like a quote that is not in it: among all runs of as many words as the quote has,
     * the one sharing the most words and word pairs with it (counted with repeats, case ignored; a shared pair is a
     * stretch of the quote in the same order), the first of equals, given as the sentence(s) around it (as a
     * {@link Location#context()}, at most 300 characters); null when no word is shared. Word overlap rather than edit distance over the whole text: a misremembered quote keeps most of its words,
     * and one pass over the text with a sliding window scores every candidate.
     */
    public String closest(String quote) {
        List<String> wanted = new ArrayList<>();
        Matcher q = WORD.matcher(quote);
        while (q.find()) {
            wanted.add(q.group().toLowerCase(Locale.ROOT));
        }
        if (wanted.isEmpty()) {
            return null;
        }
        Map<String, Integer> need = new HashMap<>();
        for (int i = 0; i < wanted.size(); i++) {
            need.merge(wanted.get(i), 1, Integer::sum);
            if (i > 0) {
                need.merge(wanted.get(i - 1) + " " + wanted.get(i), 1, Integer::sum);
            }
        }
        List<int[]> spans = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            spans.add(new int[] { m.start(), m.end() });
            tokens.add(m.group().toLowerCase(Locale.ROOT));
        }
        int n = Math.min(wanted.size(), tokens.size());
        Map<String, Integer> window = new HashMap<>();
        int score = 0;
        int best = 0;
        int bestAt = -1;
        for (int i = 0; i < tokens.size(); i++) {
            score += add(window, need, tokens.get(i), 1);
            if (i >= 1 && n >= 2) {
                score += add(window, need, tokens.get(i - 1) + " " + tokens.get(i), 1);
            }
            if (i >= n) {
                score += add(window, need, tokens.get(i - n), -1);
                if (n >= 2) {
                    score += add(window, need, tokens.get(i - n) + " " + tokens.get(i - n + 1), -1);
                }
            }
            if (i >= n - 1 && score > best) {
                best = score;
                bestAt = i - n + 1;
            }
        }
        if (bestAt < 0) {
            return null;
        }
        String passage = context(spans.get(bestAt)[0], spans.get(bestAt + n - 1)[1]);
        return passage.length() <= SUGGESTION_MAX ? passage : passage.substring(0, SUGGESTION_MAX) + "…";
    }

    /** Changes the window's count of a word (or pair) by {@code delta}; answers how the overlap with the quote's changed. */
    private static int add(Map<String, Integer> window, Map<String, Integer> need, String word, int delta) {
        Integer wanted = need.get(word);
        if (wanted == null) {
            return 0;
        }
        int before = window.getOrDefault(word, 0);
        int after = before + delta;
        window.put(word, after);
        return Math.min(after, wanted) - Math.min(before, wanted);
    }

    /**
     * The sentence(s) holding {@code [start, end)}: from after the sentence end ({@code . ! ?} and whitespace) or
     * paragraph break (a blank line) before the quote, to the sentence end or paragraph break after it.
     */
    private String context(int start, int end) {
        int from = start;
        int floor = Math.max(0, start - CONTEXT_REACH);
        while (from > floor && !sentenceStartsAt(from)) {
            from--;
        }
        if (from == floor && floor > 0) {
            from = wordAfter(floor, start);
        }
        int to = end;
        int ceiling = Math.min(text.length(), end + CONTEXT_REACH);
        while (to < ceiling && !sentenceEndsAt(to)) {
            to++;
        }
        if (to == ceiling && ceiling < text.length()) {
            to = wordBefore(ceiling, end);
        }
        return collapse(text.substring(from, to));
    }

    /** A sentence starts at {@code i} when the text before it ends a sentence or a paragraph. */
    private boolean sentenceStartsAt(int i) {
        return i == 0 || sentenceEndsAt(i);
    }

    /** A sentence ends just before {@code i}: after {@code . ! ?} (and closing quotes) followed by whitespace, or at a paragraph break. */
    private boolean sentenceEndsAt(int i) {
        if (i >= text.length()) {
            return true;
        }
        if (text.charAt(i) == '\n' && blankLineAround(i)) {
            return true;
        }
        if (!Character.isWhitespace(text.charAt(i)) || i == 0) {
            return false;
        }
        int j = i - 1;
        while (j > 0 && "\"'’”)".indexOf(text.charAt(j)) >= 0) {
            j--;
        }
        return ".!?".indexOf(text.charAt(j)) >= 0;
    }

    private boolean blankLineAround(int newline) {
        int after = newline + 1;
        while (after < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == '\t' || text.charAt(after) == '\r')) {
            after++;
        }
        int before = newline - 1;
        while (before >= 0 && (text.charAt(before) == ' ' || text.charAt(before) == '\t' || text.charAt(before) == '\r')) {
            before--;
        }
        return after >= text.length() || before < 0 || text.charAt(after) == '\n' || text.charAt(before) == '\n';
    }

    private int wordAfter(int from, int limit) {
        int i = from;
        while (i < limit && !Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private int wordBefore(int to, int limit) {
        int i = to;
        while (i > limit && !Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static String collapse(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
