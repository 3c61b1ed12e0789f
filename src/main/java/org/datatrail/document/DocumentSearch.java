package org.datatrail.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.datatrail.evidence.Source;
import org.datatrail.organisation.Organisation;
import org.datatrail.organisation.SearchText;
import org.datatrail.security.Caller;
import org.datatrail.security.Role;
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

    private final GraphReads reads;

    DocumentSearch(GraphReads reads) {
        this.reads = reads;
    }

    @QueryMapping
    List<Passage> searchDocuments(@Argument String text, @Argument Integer first, @Argument String after) {
        Pages.Page page = Pages.page(first == null ? 20 : first, after);
        String folded = SearchText.searchable("text", text);
        boolean everyone = Caller.current().map(c -> c.role() != Role.JOURNALIST).orElse(false);
        Map<String, Object> parameters = new HashMap<>(Passage.searchParameters(folded, everyone, page.offset(), page.size()));
        List<Record> rows = reads.rows(QUERIES.get("search"), parameters);
        // more passages tied with the page's last one than the index was asked for: again, with room for eight times as many
        while (!rows.isEmpty() && !rows.getFirst().get("complete").asBoolean()) {
            parameters.put("limit", Math.multiplyExact((int) parameters.get("limit"), 8));
            rows = reads.rows(QUERIES.get("search"), parameters);
        }
        List<String> words = List.of(folded.split(" "));
        List<Passage> passages = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Record r = rows.get(i);
            String passage = r.get("text").asString();
            passages.add(new Passage(Source.of(r.get("source").asNode()), r.get("start").asInt(), r.get("end").asInt(), passage,
                    highlights(passage, words), r.get("mentions").asList(o -> Organisation.of(o.asNode())), Pages.cursor(page.offset() + i)));
        }
        return passages;
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
