package org.datatrail.transfer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.datatrail.system.BadArgumentException;
import org.datatrail.system.CypherResource;
import org.datatrail.system.GraphReads;
import org.neo4j.driver.Record;
import org.springframework.stereotype.Component;

/**
 * Refuses a trace's {@code purpose} or {@code dataCategory} that names nothing, with the values that would, before the
 * trace runs: filtered by an unknown value, a trace walks every chain only to keep none, which on a large network runs
 * to the query timeout. (An unknown organisation type is refused by the schema: {@code toType} is an enum.)
 */
@Component
class FilterValues {

    /** How many known values a refusal lists. */
    static final int LISTED = 30;

    private static final Map<String, String> QUERIES = CypherResource.named(FilterValues.class, "filter-values.cypher");

    private final GraphReads reads;

    FilterValues(GraphReads reads) {
        this.reads = reads;
    }

    /** @throws BadArgumentException naming the argument and the known values, if {@code purpose} or {@code dataCategory} names nothing */
    void check(String purpose, String dataCategory) {
        if (purpose == null && dataCategory == null) {
            return;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("purpose", purpose);
        params.put("category", dataCategory);
        Record known = reads.rows(QUERIES.get("known"), params).getFirst();
        if (!known.get("purposeKnown").asBoolean()) {
            throw new BadArgumentException("purpose", "names no purpose: '" + purpose + "'; expected a purpose id, one of " + listed("purposes"));
        }
        if (!known.get("categoryKnown").asBoolean()) {
            throw new BadArgumentException("dataCategory",
                    "names no data category: '" + dataCategory + "'; expected a data category id or name, one of " + listed("categories"));
        }
    }

    private String listed(String query) {
        List<String> ids = reads.rows(QUERIES.get(query), Map.of("limit", LISTED + 1)).stream().map(r -> r.get("id").asString()).toList();
        if (ids.isEmpty()) {
            return "(none recorded yet)";
        }
        return String.join(", ", ids.subList(0, Math.min(ids.size(), LISTED))) + (ids.size() > LISTED ? ", …" : "");
    }
}
