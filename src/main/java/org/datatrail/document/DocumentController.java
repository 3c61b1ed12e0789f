package org.datatrail.document;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.datatrail.evidence.Source;
import org.datatrail.security.Caller;
import org.datatrail.security.Role;
import org.datatrail.system.BadArgumentException;
import org.datatrail.system.CypherResource;
import org.datatrail.system.GraphReads;
import org.neo4j.driver.Record;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code Source.document}, {@code Source.public} and {@code Document.text}. Journalists (anonymous callers, and any
 * caller without a token) read the text of public sources only; the rule is applied twice, here and in the query itself.
 */
@Controller
class DocumentController {

    /** Most characters one {@code Document.text} returns. */
    static final int MAX_LENGTH = 100_000;

    private static final Map<String, String> QUERIES = CypherResource.named(DocumentController.class, "queries.cypher");

    private final GraphReads reads;

    DocumentController(GraphReads reads) {
        this.reads = reads;
    }

    @BatchMapping(typeName = "Source", field = "document")
    Map<Source, Document> document(List<Source> sources) {
        Map<String, Document> byId = new HashMap<>();
        for (Record r : reads.rows(QUERIES.get("documents"), Map.of("ids", sources.stream().map(Source::getId).distinct().toList()))) {
            byId.put(r.get("source").asString(), new Document(r.get("source").asString(), r.get("sha256").asString(), r.get("mediaType").asString(),
                    r.get("characters").asInt(), r.get("attachedAt").asZonedDateTime().toOffsetDateTime(), r.get("public").asBoolean()));
        }
        Map<Source, Document> result = new LinkedHashMap<>();
        sources.forEach(s -> {
            if (byId.containsKey(s.getId())) {
                result.put(s, byId.get(s.getId()));
            }
        });
        return result;
    }

    @SchemaMapping(typeName = "Source", field = "public")
    boolean isPublic(Source source) {
        return source.isPublic();
    }

    @SchemaMapping(typeName = "Document", field = "text")
    String text(Document document, @Argument Integer start, @Argument Integer length) {
        // the schema's defaults (0 and 2000) apply when an argument is left out; an explicit null means the same
        return text(document, start == null ? 0 : start, length == null ? 2000 : length);
    }

    private String text(Document document, int start, int length) {
        if (start < 0) {
            throw new BadArgumentException("start", "must be 0 or more (an offset into the document's text), was " + start);
        }
        if (length < 0 || length > MAX_LENGTH) {
            throw new BadArgumentException("length", "must be between 0 and " + MAX_LENGTH + ", was " + length);
        }
        boolean everyone = Caller.current().map(c -> c.role() != Role.JOURNALIST).orElse(false);
        if (!everyone && !document.open()) {
            return null;
        }
        if (start >= document.characters()) {
            return "";
        }
        List<Record> rows = reads.rows(QUERIES.get("text"), Map.of("source", document.source(), "everyone", everyone, "start", start, "length", length));
        return rows.isEmpty() ? null : rows.getFirst().get("text").asString();
    }
}
