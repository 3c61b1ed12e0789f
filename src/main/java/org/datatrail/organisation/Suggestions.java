package org.datatrail.organisation;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.neo4j.driver.Record;

/**
 * What an id that names nothing may have meant: up to three organisations whose names or aliases share a word (or a
 * word's start) with it, found by the organisation search's own full-text index. {@code emmas diary} and
 * {@code emmas-diary} suggest {@code lifecycle-marketing} (alias Emma's Diary); {@code labour} suggests
 * {@code labour-party}.
 */
public final class Suggestions {

    /** Up to three organisations for {@link #parameters}, best first. */
    public static final String QUERY = """
            CALL db.index.fulltext.queryNodes('organisation_search', $lucene) YIELD node, score
            RETURN node.id AS id, node.name AS name
            ORDER BY score DESC, node.name, node.id
            LIMIT 3""";

    /**
     * Up to three datasets whose id or name holds one of {@link #words}, by id: datasets have no search index, and an
     * unknown dataset id is rare enough (a typo in traceDataset) for a scan.
     */
    public static final String DATASET_QUERY = """
            MATCH (d:Dataset) WHERE any(w IN $words WHERE d.id CONTAINS w OR toLower(d.name) CONTAINS w)
            RETURN d.id AS id, d.name AS name
            ORDER BY d.id
            LIMIT 3""";

    /** The most words of an unknown id that are looked up. */
    private static final int MAX_WORDS = 10;

    private Suggestions() {
    }

    /**
     * The parameters of {@link #QUERY} for an id that names nothing: any of its folded words, exactly or as a prefix
     * (folded words are letters and digits only, so there is nothing to escape). A text with no word matches nothing.
     */
    public static Map<String, Object> parameters(String unknownId) {
        String folded = SearchText.fold(unknownId);
        String lucene = folded.isEmpty() ? "__no_word__"
                : Arrays.stream(folded.split(" ")).distinct().limit(MAX_WORDS).map(w -> "(" + w + "^3 OR " + w + "*)")
                    .collect(Collectors.joining(" OR "));
        return Map.of("lucene", lucene);
    }

    /** The words of an unknown id worth looking for in other ids and names: folded, of three letters or more, at most ten. */
    public static List<String> words(String unknownId) {
        return Arrays.stream(SearchText.fold(unknownId).split(" ")).filter(w -> w.length() >= 3).distinct().limit(MAX_WORDS).toList();
    }

    /** "; did you mean labour-party (Labour Party)?" for the rows of {@link #QUERY}, or empty when there are none. */
    public static String didYouMean(List<Record> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        return "; did you mean " + rows.stream().map(r -> r.get("id").asString() + " (" + r.get("name").asString() + ")")
            .collect(Collectors.joining(" or ")) + "?";
    }
}
