package org.datatrail.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.datatrail.evidence.Source;
import org.datatrail.organisation.Organisation;
import org.datatrail.organisation.SearchText;
import org.datatrail.security.Caller;
import org.datatrail.security.Role;
import org.datatrail.system.BadArgumentException;
import org.datatrail.system.CypherResource;
import org.datatrail.system.GraphReads;
import org.datatrail.system.Pages;
import org.neo4j.driver.Record;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Query.searchDocuments} and the fields of {@code Passage}: the full-text index over documents' passages, the
 * words to highlight, its source, and the organisations it names (read from the passage's {@code MENTIONS}, found once
 * when its document was attached: {@link OrganisationNames}), all from one statement. Journalists' searches see public
 * sources only.
 */
@Controller
class DocumentSearch {

    private static final Map<String, String> QUERIES = CypherResource.named(DocumentSearch.class, "queries.cypher");
    /** A word as the highlights count it: letters and digits, with apostrophes inside ("Emma’s" is one word). */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}\\p{N}]+)*");

    /** The list name in this search's cursors. */
    private static final String LIST = "searchDocuments";
    /** The most hits the index is asked for to place a cursor or break a tie. */
    static final int MAX_HITS = 100_000;

    private final GraphReads reads;

    DocumentSearch(GraphReads reads) {
        this.reads = reads;
    }

    /**
     * Keyset pages: the cursor names the search text (folded) and the last passage seen (its source and offset), and the
     * next page starts after that passage's place as the index ranks it now. The index is asked for the page and a
     * little more ({@link Passage#TIE_ROOM}), and again for eight times as many while that is not enough to place the
     * cursor's passage or to break a tie at the page's end: a page deep in the results costs reading the hits above it,
     * as in any relevance-ranked search, up to {@link #MAX_HITS}.
     */
    @QueryMapping
    List<Passage> searchDocuments(@Argument String text, @Argument Integer first, @Argument String after) {
        int size = Pages.first(first, 20);
        String folded = SearchText.searchable("text", text);
        List<String> key = after == null ? null : Pages.key(after, LIST, folded, 2);
        String afterSource = key == null ? null : key.get(0);
        int afterStart = key == null ? 0 : offset(key.get(1), after);
        boolean everyone = Caller.current().map(c -> c.role() != Role.JOURNALIST).orElse(false);
        Map<String, Object> parameters = Passage.searchParameters(folded, everyone, afterSource, afterStart, size);
        Record row = reads.rows(QUERIES.get("search"), parameters).getFirst();
        while (!row.get("complete").asBoolean() && (int) parameters.get("limit") < MAX_HITS) {
            parameters.put("limit", Math.min(MAX_HITS, (int) parameters.get("limit") * 8));
            row = reads.rows(QUERIES.get("search"), parameters).getFirst();
        }
        if (!row.get("afterFound").asBoolean()) {
            throw new BadArgumentException("after", "names a passage of " + afterSource + " that no longer matches '" + folded
                    + "' (its document was replaced, or its source made private); start again without after");
        }
        if (!row.get("complete").asBoolean() && row.get("passages").isEmpty()) {
            throw new BadArgumentException("after", "names a passage below the best " + MAX_HITS + " hits of '" + folded
                    + "', the deepest this search is paged; narrow the search instead");
        }
        List<String> words = List.of(folded.split(" "));
        return row.get("passages").asList(p -> {
            String passage = p.get("text").asString();
            Source source = Source.of(p.get("source").asNode());
            int start = p.get("start").asInt();
            return new Passage(source, start, p.get("end").asInt(), passage, highlights(passage, words),
                    p.get("mentions").asList(o -> Organisation.of(o.asNode())), Pages.keyset(LIST, folded, source.getId(), Integer.toString(start)));
        });
    }

    private static int offset(String digits, String after) {
        if (!digits.matches("[0-9]{1,9}")) {
            throw new BadArgumentException("after", "is not a cursor this API gave out ('" + after + "')");
        }
        return Integer.parseInt(digits);
    }

    /** The words of a passage that a search for {@code words} (folded) matched: each word exactly, or as a prefix. */
    static List<Passage.Highlight> highlights(String passage, List<String> words) {
        List<Passage.Highlight> found = new ArrayList<>();
        Matcher m = WORD.matcher(passage);
        while (m.find()) {
            String token = SearchText.fold(m.group());
            if (words.stream().anyMatch(token::startsWith)) {
                found.add(new Passage.Highlight(m.start(), m.end()));
            }
        }
        return found;
    }
}
