package org.datatrail.campaign;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.datatrail.consent.Purpose;
import org.datatrail.dataset.Dataset;
import org.datatrail.organisation.Organisation;
import org.datatrail.system.CypherResource;
import org.datatrail.system.GraphReads;
import org.datatrail.system.PagedList;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/** The relationship fields of Campaign; the datasets it used are a paged list ({@link PagedList}). */
@Controller
class CampaignController {

    private static final Map<String, String> QUERIES = CypherResource.named(CampaignController.class, "queries.cypher");

    private final GraphReads reads;
    private final PagedList<Dataset> datasets;

    CampaignController(GraphReads reads, BatchLoaderRegistry loaders) {
        this.reads = reads;
        this.datasets = PagedList.register(loaders, reads, "Campaign.datasets", QUERIES.get("datasetsPage"), Dataset.items());
    }

    @BatchMapping
    Map<Campaign, Organisation> runBy(List<Campaign> campaigns) {
        return reads.batchOne(campaigns, Campaign::getId, QUERIES.get("runBy"), Organisation.class, Organisation::getId);
    }

    @BatchMapping
    Map<Campaign, List<Purpose>> purposes(List<Campaign> campaigns) {
        return reads.batch(campaigns, Campaign::getId, QUERIES.get("purposes"), Purpose.class, Purpose::getId);
    }

    @SchemaMapping
    CompletableFuture<List<Dataset>> datasets(Campaign campaign, @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return datasets.page(campaign.getId(), first, after, env);
    }
}
