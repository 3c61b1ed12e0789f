package org.datatrail.organisation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.datatrail.campaign.Campaign;
import org.datatrail.dataset.Dataset;
import org.datatrail.enforcement.EnforcementAction;
import org.datatrail.system.BadArgumentException;
import org.datatrail.system.CypherResource;
import org.datatrail.system.GraphReads;
import org.datatrail.system.Pages;
import org.datatrail.transfer.Transfer;
import org.dataloader.DataLoader;
import org.neo4j.driver.Record;
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
    record TransferList(List<Transfer> transfers, boolean afterFound) {
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
        int size = Pages.first(first, 50);
        String afterId = after == null ? null : Transfer.idFromCursor(after);
        return loader.load(new TransferPage(organisation.getId(), outgoing, afterId, size)).thenApply(list -> {
            if (!list.afterFound()) {
                // a vanished transfer, or one of another list: starting again at the first page would repeat items
                throw new BadArgumentException("after", "names transfer '" + afterId + "', which is not (or no longer) in "
                        + organisation.getId() + "'s " + (outgoing ? "transfersOut" : "transfersIn") + "; start again without after");
            }
            return list.transfers();
        });
    }

    private Map<TransferPage, TransferList> transferPages(Set<TransferPage> keys) {
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
        Set<TransferPage> refused = new HashSet<>();
        reads.rows(QUERIES.get("transfersPage"), Map.of("keys", params)).forEach(r -> {
            TransferPage key = new TransferPage(r.get("organisation").asString(), r.get("outgoing").asBoolean(),
                    r.get("after").isNull() ? null : r.get("after").asString(), r.get("first").asInt());
            idsByKey.put(key, r.get("transfers").asList(Value::asString));
            if (!r.get("afterFound").asBoolean()) {
                refused.add(key);
            }
        });
        Map<String, Transfer> transfers = new HashMap<>();
        reads.load(Transfer.class, idsByKey.values().stream().flatMap(List::stream).distinct().toList(), Transfer::getId)
            .forEach(t -> transfers.put(t.getId(), t));
        Map<TransferPage, TransferList> result = new HashMap<>();
        for (TransferPage k : keys) {
            result.put(k, new TransferList(idsByKey.getOrDefault(k, List.of()).stream().map(transfers::get)
                .filter(java.util.Objects::nonNull).toList(), !refused.contains(k)));
        }
        return result;
    }
}
