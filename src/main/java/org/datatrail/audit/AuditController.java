package org.datatrail.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    @QueryMapping
    @PreAuthorize("hasAnyRole('INVESTIGATOR', 'ADMIN')")
    List<AuditEntry> auditTrail(@Argument String factId, @Argument Integer first, @Argument String after) {
        Pages.Page page = Pages.page(first, after);
        Map<String, Object> params = new HashMap<>();
        params.put("factId", factId);
        params.put("offset", page.offset());
        params.put("first", page.size());
        List<AuditEntry> entries = new ArrayList<>();
        List<Record> rows = reads.rows(TRAIL, params);
        for (int i = 0; i < rows.size(); i++) {
            Record r = rows.get(i);
            entries.add(new AuditEntry(r.get("at").asString(), r.get("role").asString(), r.get("tokenLabel").asString(),
                    r.get("operation").asString(), r.get("recordIds").asList(Value::asString),
                    r.get("input").isNull() ? null : r.get("input").asString(), r.get("nodesCreated").asInt(),
                    r.get("relationshipsCreated").asInt(), r.get("relationshipsDeleted").asInt(), Pages.cursor(page.offset() + i)));
        }
        return entries;
    }
}
