package org.datatrail.organisation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.datatrail.campaign.Campaign;
import org.datatrail.dataset.Dataset;
import org.datatrail.enforcement.EnforcementAction;
import org.datatrail.system.CypherResource;
import org.datatrail.system.GraphReads;
import org.datatrail.system.Pages;
import org.datatrail.transfer.Transfer;
import org.dataloader.DataLoader;
import org.neo4j.driver.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Query.search, Query.organisation and the fields of Organisation. */
@Controller
class OrganisationController {

    private static final Map<String, String> QUERIES = CypherResource.named(OrganisationController.class, "queries.cypher");

    private final GraphReads reads;

    OrganisationController(GraphReads reads, BatchLoaderRegistry loaders) {
        this.reads = reads;
        loaders.forTypePair(TransferPage.class, TransferList.class).registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> transferPages(keys)));
    }

    /** One organisation's page of transfers in one direction: the key of a batched load. */
    record TransferPage(String organisation, boolean outgoing, String after, int first) {
    }

    /** The transfers of one page. */
    record TransferList(List<Transfer> transfers) {
    }

    @QueryMapping
    List<Organisation> search(@Argument String text, @Argument Integer first, @Argument String after) {
        Pages.Page page = Pages.page(first == null ? 20 : first, after);
        String folded = SearchText.searchable("text", text);
        return reads.rows(QUERIES.get("search"), Map.of("lucene", SearchText.luceneQuery(folded), "offset", page.offset(), "first", page.size()))
            .stream()
            .map(r -> Organisation.of(r.get("organisation").asNode()))
            .toList();
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

    @BatchMapping
    Map<Organisation, List<Dataset>> datasets(List<Organisation> organisations) {
        return reads.batch(organisations, Organisation::getId, QUERIES.get("datasets"), Dataset.class, Dataset::getId);
    }

    @BatchMapping
    Map<Organisation, List<Campaign>> campaigns(List<Organisation> organisations) {
        return reads.batch(organisations, Organisation::getId, QUERIES.get("campaigns"), Campaign.class, Campaign::getId);
    }

    @BatchMapping
    Map<Organisation, List<EnforcementAction>> enforcementActions(List<Organisation> organisations) {
        return reads.batch(organisations, Organisation::getId, QUERIES.get("enforcementActions"), EnforcementAction.class,
                EnforcementAction::getId);
    }

    @SchemaMapping
    CompletableFuture<List<Transfer>> transfersOut(Organisation organisation, @Argument Integer first, @Argument String after,
            DataLoader<TransferPage, TransferList> loader) {
        return page(organisation, true, first, after, loader);
    }

    @SchemaMapping
    CompletableFuture<List<Transfer>> transfersIn(Organisation organisation, @Argument Integer first, @Argument String after,
            DataLoader<TransferPage, TransferList> loader) {
        return page(organisation, false, first, after, loader);
    }

    private static CompletableFuture<List<Transfer>> page(Organisation organisation, boolean outgoing, Integer first, String after,
            DataLoader<TransferPage, TransferList> loader) {
        int size = Pages.page(first, null).size();
        String afterId = after == null ? null : Transfer.idFromCursor(after);
        return loader.load(new TransferPage(organisation.getId(), outgoing, afterId, size)).thenApply(TransferList::transfers);
    }

    private Map<TransferPage, TransferList> transferPages(java.util.Set<TransferPage> keys) {
        List<Map<String, Object>> params = new ArrayList<>();
        for (TransferPage k : keys) {
            Map<String, Object> m = new HashMap<>();
            m.put("organisation", k.organisation());
            m.put("outgoing", k.outgoing());
            m.put("after", k.after());
            m.put("first", k.first());
            params.add(m);
        }
        Map<TransferPage, List<String>> idsByKey = new HashMap<>();
        reads.rows(QUERIES.get("transfersPage"), Map.of("keys", params))
            .forEach(r -> idsByKey.put(new TransferPage(r.get("organisation").asString(), r.get("outgoing").asBoolean(),
                    r.get("after").isNull() ? null : r.get("after").asString(), r.get("first").asInt()),
                    r.get("transfers").asList(Value::asString)));
        Map<String, Transfer> transfers = new HashMap<>();
        reads.load(Transfer.class, idsByKey.values().stream().flatMap(List::stream).distinct().toList(), Transfer::getId)
            .forEach(t -> transfers.put(t.getId(), t));
        Map<TransferPage, TransferList> result = new HashMap<>();
        for (TransferPage k : keys) {
            result.put(k, new TransferList(idsByKey.getOrDefault(k, List.of()).stream().map(transfers::get)
                .filter(java.util.Objects::nonNull).toList()));
        }
        return result;
    }
}
