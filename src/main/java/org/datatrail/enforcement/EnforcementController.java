package org.datatrail.enforcement;

import java.util.List;
import java.util.Map;

import org.datatrail.organisation.Organisation;
import org.datatrail.system.CypherResource;
import org.datatrail.system.GraphReads;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** The relationship fields of EnforcementAction. */
@Controller
class EnforcementController {

    private static final Map<String, String> QUERIES = CypherResource.named(EnforcementController.class, "queries.cypher");

    private final GraphReads reads;

    EnforcementController(GraphReads reads) {
        this.reads = reads;
    }

    @BatchMapping
    Map<EnforcementAction, Organisation> regulator(List<EnforcementAction> actions) {
        return reads.batchOne(actions, EnforcementAction::getId, QUERIES.get("regulator"), Organisation.class, Organisation::getId);
    }

    @BatchMapping
    Map<EnforcementAction, Organisation> against(List<EnforcementAction> actions) {
        return reads.batchOne(actions, EnforcementAction::getId, QUERIES.get("against"), Organisation.class, Organisation::getId);
    }
}
