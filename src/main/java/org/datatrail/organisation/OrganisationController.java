package org.datatrail.organisation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.datatrail.campaign.Campaign;
import org.datatrail.dataset.Dataset;
import org.datatrail.enforcement.EnforcementAction;
import org.datatrail.system.BadArgumentException;
import org.datatrail.system.CypherResource;
import org.datatrail.system.GraphReads;
import org.datatrail.system.PagedList;
import org.datatrail.system.Pages;
import org.datatrail.transfer.Transfer;
import org.neo4j.driver.Record;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/** Query.search, Query.organisation and the fields of Organisation; its lists of facts are paged ({@link PagedList}). */
@Controller
class OrganisationController {

    private static final Map<String, String> QUERIES = CypherResource.named(OrganisationController.class, "queries.cypher");

    private final GraphReads reads;
    private final PagedList<Dataset> datasets;
    private final PagedList<Campaign> campaigns;
    private final PagedList<EnforcementAction> enforcementActions;
    private final PagedList<Transfer> transfersOut;
    private final PagedList<Transfer> transfersIn;

    OrganisationController(GraphReads reads, BatchLoaderRegistry loaders) {
        this.reads = reads;
        this.datasets = PagedList.register(loaders, reads, "Organisation.datasets", QUERIES.get("datasetsPage"), Dataset.items());
        this.campaigns = PagedList.register(loaders, reads, "Organisation.campaigns", QUERIES.get("campaignsPage"), Campaign.items());
        this.enforcementActions = PagedList.register(loaders, reads, "Organisation.enforcementActions", QUERIES.get("enforcementActionsPage"),
                EnforcementAction.items());
        this.transfersOut = PagedList.register(loaders, reads, "Organisation.transfersOut", QUERIES.get("transfersOutPage"), Transfer.items());
        this.transfersIn = PagedList.register(loaders, reads, "Organisation.transfersIn", QUERIES.get("transfersInPage"), Transfer.items());
    }

    /**
     * Keyset pages of the search: the cursor names the search text (folded) and the last organisation seen, and
     * the next page starts after that organisation's place as the index ranks it now.
     */
    @QueryMapping
    List<Organisation> search(@Argument String text, @Argument Integer first, @Argument String after) {
        int size = Pages.first(first, 20);
        String folded = SearchText.searchable("text", text);
        String afterId = after == null ? null : Pages.key(after, "search", folded, 1).getFirst();
        Map<String, Object> params = new HashMap<>();
        params.put("lucene", SearchText.luceneQuery(folded));
        params.put("afterId", afterId);
        params.put("first", size);
        Record row = reads.rows(QUERIES.get("search"), params).getFirst();
        if (!row.get("afterFound").asBoolean()) {
            throw new BadArgumentException("after", "names organisation '" + afterId
                    + "', which no longer matches '" + text + "'; start again without after");
        }
        return row.get("organisations").asList(v -> {
            Organisation o = Organisation.of(v.asNode());
            return o.withCursor(Pages.keyset("search", folded, o.getId()));
        });
    }

    @QueryMapping
    Organisation organisation(@Argument String id) {
        return reads.rows(QUERIES.get("organisation"), Map.of("id", id)).stream()
            .map(r -> Organisation.of(r.get("organisation").asNode()))
            .findFirst()
            .orElse(null);
    }

    @BatchMapping
    Map<Organisation, Organisation> partOf(List<Organisation> organisations) {
        return reads.batchOne(organisations, Organisation::getId, QUERIES.get("partOf"), Organisation.class, Organisation::getId);
    }

    @SchemaMapping
    CompletableFuture<List<Dataset>> datasets(Organisation organisation, @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env) {
        return datasets.page(organisation.getId(), first, after, env);
    }

    @SchemaMapping
    CompletableFuture<List<Campaign>> campaigns(Organisation organisation, @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env) {
        return campaigns.page(organisation.getId(), first, after, env);
    }

    @SchemaMapping
    CompletableFuture<List<EnforcementAction>> enforcementActions(Organisation organisation, @Argument Integer first,
            @Argument String after, DataFetchingEnvironment env) {
        return enforcementActions.page(organisation.getId(), first, after, env);
    }

    @SchemaMapping
    CompletableFuture<List<Transfer>> transfersOut(Organisation organisation, @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env) {
        return transfersOut.page(organisation.getId(), first, after, env);
    }

    @SchemaMapping
    CompletableFuture<List<Transfer>> transfersIn(Organisation organisation, @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env) {
        return transfersIn.page(organisation.getId(), first, after, env);
    }
}
