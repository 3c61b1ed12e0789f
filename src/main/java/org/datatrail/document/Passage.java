package org.datatrail.document;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.datatrail.evidence.Source;
import org.datatrail.organisation.Organisation;
import org.datatrail.organisation.SearchText;

/**
 * A passage of a document that matched a search.
 *
 * @param source the source whose document it is in
 * @param start offset of its first character in the document's text
 * @param end offset just after its last character
 * @param text the passage
 * @param highlights the matching words, as offsets into {@code text}
 * @param mentions the organisations whose name or alias appears in it, in the order it first names them
 * @param cursor the passage, for {@code after}: the next page starts after it, where the index ranks it then
 */
public record Passage(Source source, int start, int end, String text, List<Highlight> highlights, List<Organisation> mentions, String cursor) {

    /**
     * The full-text query that finds the passages matching a search text (folded, see {@link SearchText}): confined to
     * their folded text, as {@code passage_search} also indexes each passage's {@code visibility}.
     */
    public static String luceneQuery(String folded) {
        return SearchText.luceneQuery("searchText", folded);
    }

    /**
     * How many hits past a page the search statement asks the index for at first: room for passages tied with the
     * page's last one, so that one statement is enough unless more than this many tie.
     */
    static final int TIE_ROOM = 100;

    /**
     * The parameters of the search statement ({@code search} in {@code queries.cypher}) for a page of a search, asking
     * the index for the page and {@link #TIE_ROOM} hits more.
     *
     * @param folded the search text, folded
     * @param everyone whether the caller may read every source's passages (else public sources' only)
     * @param afterSource the source of the cursor's passage, or null for the first page
     * @param afterStart the offset of the cursor's passage in its source's document
     */
    public static Map<String, Object> searchParameters(String folded, boolean everyone, String afterSource, int afterStart, int first) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("lucene", luceneQuery(folded));
        parameters.put("everyone", everyone);
        parameters.put("afterSource", afterSource);
        parameters.put("afterStart", afterStart);
        parameters.put("first", first);
        parameters.put("limit", first + TIE_ROOM);
        return parameters;
    }

    /** A stretch of a passage's text to highlight. */
    public record Highlight(int start, int end) {
    }
}
