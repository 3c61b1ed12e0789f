package org.datatrail.audit;

import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.datatrail.system.BadArgumentException;
import org.datatrail.system.CypherResource;
import org.datatrail.system.GraphReads;
import org.datatrail.system.Pages;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Query.auditTrail, for investigators and admins. */
@Controller
class AuditController {

    private static final String TRAIL = CypherResource.named(AuditController.class, "queries.cypher", "trail");

    private final GraphReads reads;

    AuditController(GraphReads reads) {
        this.reads = reads;
    }

    /**
     * Keyset pages, newest first: the cursor holds the last entry's time and id (and the fact the trail was asked
     * for), which never change, so it continues after that place even if the entry were gone.
     */
    @QueryMapping
    @PreAuthorize("hasAnyRole('INVESTIGATOR', 'ADMIN')")
    List<AuditEntry> auditTrail(@Argument String factId, @Argument Integer first, @Argument String after) {
        int size = Pages.first(first, 50);
        String scope = factId == null ? "" : "fact " + factId;
        Map<String, Object> params = new HashMap<>();
        params.put("factId", factId);
        params.put("afterAt", null);
        params.put("afterId", null);
        if (after != null) {
            List<String> key = Pages.key(after, "auditTrail", scope, 2);
            try {
                params.put("afterAt", ZonedDateTime.parse(key.get(0)));
            }
            catch (DateTimeParseException forged) {
                throw new BadArgumentException("after", "is not a cursor this API gave out ('" + after + "')");
            }
            params.put("afterId", key.get(1));
        }
        params.put("first", size);
        List<AuditEntry> entries = new ArrayList<>();
        for (Record r : reads.rows(TRAIL, params)) {
            ZonedDateTime at = r.get("at").asZonedDateTime();
            entries.add(new AuditEntry(r.get("atText").asString(), r.get("role").asString(), r.get("tokenLabel").asString(),
                    r.get("operation").asString(), r.get("recordIds").asList(Value::asString),
                    r.get("input").isNull() ? null : r.get("input").asString(), r.get("nodesCreated").asInt(),
                    r.get("relationshipsCreated").asInt(), r.get("relationshipsDeleted").asInt(),
                    Pages.keyset("auditTrail", scope, at.toString(), r.get("id").asString())));
        }
        return entries;
    }
}
