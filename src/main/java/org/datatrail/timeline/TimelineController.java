package org.datatrail.timeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.datatrail.organisation.Organisation;
import org.datatrail.organisation.Suggestions;
import org.datatrail.system.BadArgumentException;
import org.datatrail.system.CypherResource;
import org.datatrail.system.GraphReads;
import org.datatrail.system.NotFoundException;
import org.datatrail.system.Pages;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Query.timeline and the organisations of its entries. */
@Controller
class TimelineController {

    private static final Map<String, String> QUERIES = CypherResource.named(TimelineController.class, "queries.cypher");

    /** The list name in the timeline's cursors. */
    private static final String LIST = "timeline";

    private final GraphReads reads;

    TimelineController(GraphReads reads) {
        this.reads = reads;
    }

    /**
     * Keyset pages: the cursor names the set of organisations (a digest of their ids, sorted) and the last entry's sort
     * key, and the next page starts right after that key, whatever was recorded meanwhile.
     */
    @QueryMapping
    List<TimelineEntry> timeline(@Argument List<String> organisations, @Argument Integer first, @Argument String after) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(organisations));
        if (ids.isEmpty() || ids.size() > Pages.MAX_FIRST) {
            throw new BadArgumentException("organisations", "must name 1 to " + Pages.MAX_FIRST + " organisations, named " + ids.size());
        }
        int size = Pages.first(first, 100);
        String scope = scope(ids);
        List<Object> afterKey = after == null ? null : sortKey(Pages.key(after, LIST, scope, 5), after);
        List<String> known = reads.rows(QUERIES.get("organisations"), Map.of("ids", ids)).stream().map(r -> r.get("id").asString()).toList();
        ids.stream().filter(id -> !known.contains(id)).findFirst().ifPresent(id -> {
            throw new NotFoundException("organisation", id, null, Suggestions.didYouMean(reads.rows(Suggestions.QUERY, Suggestions.parameters(id))));
        });
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("organisations", ids);
        parameters.put("first", size);
        parameters.put("after", afterKey);
        return reads.rows(QUERIES.get("timeline"), parameters).stream().map(r -> entry(r, scope)).toList();
    }

    @BatchMapping(typeName = "TimelineEntry", field = "organisations")
    Map<TimelineEntry, List<Organisation>> organisations(List<TimelineEntry> entries) {
        return reads.byIds(entries, TimelineEntry::organisationIds, Organisation.class, Organisation::getId);
    }

    private static TimelineEntry entry(Record r, String scope) {
        List<Object> key = r.get("sortKey").asList(Value::asObject);
        String cursor = Pages.keyset(LIST, scope, key.get(0).toString(), (String) key.get(1), key.get(2).toString(), (String) key.get(3),
                (String) key.get(4));
        return new TimelineEntry(r.get("id").asString(), r.get("kind").asString(),
                r.get("date").isNull() ? null : r.get("date").asLocalDate(),
                r.get("firstReported").isNull() ? null : r.get("firstReported").asLocalDate(),
                r.get("summary").asString(), r.get("organisations").asList(Value::asString).stream().distinct().toList(), cursor);
    }

    /** The organisations a timeline is of, as its cursors name them: a digest of their ids, sorted. */
    private static String scope(List<String> ids) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join("\n", ids.stream().sorted().toList()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The sort key inside a timeline cursor, as the statement compares it: 0 or 1, a date or '', 0 or 1, a date or '', an id. */
    private static List<Object> sortKey(List<String> parts, String after) {
        if (!parts.get(0).matches("[01]") || !parts.get(2).matches("[01]") || !parts.get(1).matches("|[0-9-]{10}")
                || !parts.get(3).matches("|[0-9-]{10}")) {
            throw new BadArgumentException("after", "is not a cursor this API gave out ('" + after + "')");
        }
        return List.of(Long.parseLong(parts.get(0)), parts.get(1), Long.parseLong(parts.get(2)), parts.get(3), parts.get(4));
    }
}
