package org.datatrail.document;

import java.util.ArrayList;
import java.util.List;

/**
 * A document's text cut into the passages that document search finds: its paragraphs (split at blank lines), a long
 * paragraph cut after the last sentence end that keeps a passage within {@link #MAX} characters (or at a space, for a
 * sentence longer than that). Offsets are into the text as stored, like every quote's.
 */
final class Passages {

    /** Longest passage, in characters: a few sentences, enough to read a match in its context. */
    static final int MAX = 600;

    /** One passage: {@code text.substring(start, end)}. */
    record Span(int start, int end) {
    }

    private Passages() {
    }

    static List<Span> of(String text) {
        List<Span> spans = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int paragraphEnd = text.indexOf("\n\n", at);
            int end = paragraphEnd < 0 ? text.length() : paragraphEnd;
            cut(text, at, end, spans);
            at = end;
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
        return spans;
    }

    /** Cuts {@code [from, to)} into passages of at most {@link #MAX} characters, at sentence ends where it can. */
    private static void cut(String text, int from, int to, List<Span> spans) {
        int start = from;
        while (to - start > MAX) {
            int cut = -1;
            for (int i = start + MAX - 1; i > start; i--) {
                if (".!?".indexOf(text.charAt(i - 1)) >= 0 && Character.isWhitespace(text.charAt(i))) {
                    cut = i;
                    break;
                }
            }
            if (cut < 0) {
                cut = text.lastIndexOf(' ', start + MAX);
                cut = cut <= start ? start + MAX : cut;
            }
            add(text, start, cut, spans);
            start = cut;
            while (start < to && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
        }
        add(text, start, to, spans);
    }

    private static void add(String text, int start, int end, List<Span> spans) {
        int e = end;
        while (e > start && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (e > start) {
            spans.add(new Span(start, e));
        }
    }
}
