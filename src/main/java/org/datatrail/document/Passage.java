package org.datatrail.document;

import java.util.List;

/**
 * A passage of a document that matched a search.
 *
 * @param source id of the source whose document it is in
 * @param start offset of its first character in the document's text
 * @param end offset just after its last character
 * @param text the passage
 * @param highlights the matching words, as offsets into {@code text}
 * @param mentions ids of the organisations whose name or alias appears in it
 * @param cursor where it stands in the results, for {@code after}
 */
public record Passage(String source, int start, int end, String text, List<Highlight> highlights, List<String> mentions, String cursor) {

    /** A stretch of a passage's text to highlight. */
    public record Highlight(int start, int end) {
    }
}
