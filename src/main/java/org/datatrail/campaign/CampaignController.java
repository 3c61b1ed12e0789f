package org.datatrail.campaign;

import java.util.List;
import java.util.Map;

import org.datatrail.consent.Purpose;
import org.datatrail.dataset.Dataset;
import org.datatrail.organisation.Organisation;
import org.datatrail.system.CypherResource;
import org.datatrail.system.GraphReads;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** The relationship fields of Campaign. */
@Controller
class CampaignController {

    private static final Map<String, String> QUERIES = CypherResource.named(CampaignController.class, "queries.cypher");

    private final GraphReads reads;

    CampaignController(GraphReads reads) {
        this.reads = reads;
    }

    @BatchMapping
    Map<Campaign, Organisation> runBy(List<Campaign> campaigns) {
        return reads.batchOne(campaigns, Campaign::getId, QUERIES.get("runBy"), Organisation.class, Organisation::getId);
    }

    @BatchMapping
    Map<Campaign, List<Purpose>> purposes(List<Campaign> campaigns) {
        return reads.batch(campaigns, Campaign::getId, QUERIES.get("purposes"), Purpose.class, Purpose::getId);
    }

    @BatchMapping
    Map<Campaign, List<Dataset>> datasets(List<Campaign> campaigns) {
        return reads.batch(campaigns, Campaign::getId, QUERIES.get("datasets"), Dataset.class, Dataset::getId);
    }
}
