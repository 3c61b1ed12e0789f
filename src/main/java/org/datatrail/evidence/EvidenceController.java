package org.datatrail.evidence;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.datatrail.campaign.Campaign;
import org.datatrail.consent.Consent;
import org.datatrail.consent.ConsentRule.ConsentCheck;
import org.datatrail.dataset.Dataset;
import org.datatrail.dataset.Derivation;
import org.datatrail.enforcement.EnforcementAction;
import org.datatrail.organisation.Organisation;
import org.datatrail.system.BadArgumentException;
import org.datatrail.system.CypherResource;
import org.datatrail.system.GraphReads;
import org.datatrail.system.PagedList;
import org.datatrail.system.Pages;
import org.datatrail.timeline.TimelineEntry;
import org.datatrail.transfer.Transfer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * Evidence of every kind of fact, its sources, and the disputes where sources disagree (in all, and about each fact):
 * a fact's evidence and disputes are paged lists ({@link PagedList}).
 */
@Controller
class EvidenceController {

    private static final Map<String, String> QUERIES = CypherResource.named(EvidenceController.class, "queries.cypher");
    private static final String EVIDENCE = QUERIES.get("evidence");

    /** The facts whose evidence and disputes are paged lists, by type name. */
    private static final List<String> FACTS = List.of("Organisation", "Transfer", "Dataset", "Consent", "Campaign", "EnforcementAction",
            "Derivation", "TimelineEntry");

    private final GraphReads reads;
    private final Map<String, PagedList<Evidence>> evidence = new HashMap<>();
    private final Map<String, PagedList<Dispute>> disputes = new HashMap<>();

    EvidenceController(GraphReads reads, BatchLoaderRegistry loaders) {
        this.reads = reads;
        for (String type : FACTS) {
            evidence.put(type, PagedList.register(loaders, reads, type + ".evidence", QUERIES.get("evidencePage"), Evidence.items()));
            disputes.put(type, PagedList.register(loaders, reads, type + ".disputes", QUERIES.get("disputesPage"), Dispute.items()));
        }
    }

    /**
     * Keyset pages of every dispute: the cursor ({@link Dispute#getCursor()}) holds the last one's kind, subject and id
     * (the order's key), so a page continues after that place whatever was recorded meanwhile, even if that dispute is gone.
     */
    @QueryMapping
    List<Dispute> disputes(@Argument Integer first, @Argument String after) {
        Map<String, Object> params = new HashMap<>();
        params.put("first", Pages.first(first, 50));
        List<String> key = after == null ? Arrays.asList(null, null, null) : Pages.key(after, "disputes", "", 3);
        params.put("afterKind", key.get(0));
        params.put("afterSubject", key.get(1));
        params.put("afterId", key.get(2));
        List<String> ids = reads.rows(QUERIES.get("disputes"), params).stream().map(r -> r.get("id").asString()).toList();
        return reads.load(Dispute.class, ids, Dispute::getId);
    }

    /**
     * Keyset pages of every source, newest first (undated first, as the order always had them): the cursor holds
     * the last one's date and id, so a page continues after that place whatever was recorded meanwhile.
     */
    @QueryMapping
    List<Source> sources(@Argument Integer first, @Argument String after) {
        Map<String, Object> params = new HashMap<>();
        params.put("first", Pages.first(first, 50));
        params.put("afterPublished", null);
        params.put("afterId", null);
        if (after != null) {
            List<String> key = Pages.key(after, "sources", "", 2);
            try {
                params.put("afterPublished", LocalDate.parse(key.get(0)));
            }
            catch (DateTimeParseException forged) {
                throw new BadArgumentException("after", "is not a cursor this API gave out ('" + after + "')");
            }
            params.put("afterId", key.get(1));
        }
        Map<String, String> cursors = new LinkedHashMap<>();
        reads.rows(QUERIES.get("sources"), params).forEach(r -> cursors.put(r.get("id").asString(),
                Pages.keyset("sources", "", r.get("published").asLocalDate().toString(), r.get("id").asString())));
        return reads.load(Source.class, cursors.keySet(), Source::getId).stream().map(s -> s.withCursor(cursors.get(s.getId()))).toList();
    }

    /** One source: what the workbench's document view reads a stretch of text from, without asking for every source's. */
    @QueryMapping
    Source source(@Argument String id) {
        return reads.load(Source.class, List.of(id), Source::getId).stream().findFirst().orElse(null);
    }

    @BatchMapping
    Map<Dispute, List<Claim>> claims(List<Dispute> disputes) {
        return reads.batch(disputes, Dispute::getId, QUERIES.get("claims"), Claim.class, Claim::getId);
    }

    @BatchMapping
    Map<Evidence, Source> source(List<Evidence> evidence) {
        return reads.batchOne(evidence, Evidence::getId, QUERIES.get("source"), Source.class, Source::getId);
    }

    @BatchMapping(typeName = "Claim", field = "evidence")
    Map<Claim, List<Evidence>> claimEvidence(List<Claim> claims) {
        return reads.batch(claims, Claim::getId, EVIDENCE, Evidence.class, Evidence::getId);
    }

    @BatchMapping(typeName = "ConsentCheck", field = "disputes")
    Map<ConsentCheck, List<Dispute>> verdictDisputes(List<ConsentCheck> checks) {
        return reads.byIds(checks, ConsentCheck::disputeIds, Dispute.class, Dispute::getId);
    }

    @SchemaMapping(typeName = "Organisation", field = "evidence")
    CompletableFuture<List<Evidence>> organisationEvidence(Organisation fact, @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return evidence.get("Organisation").page(fact.getId(), first, after, env);
    }

    @SchemaMapping(typeName = "Organisation", field = "disputes")
    CompletableFuture<List<Dispute>> organisationDisputes(Organisation fact, @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return disputes.get("Organisation").page(fact.getId(), first, after, env);
    }

    @SchemaMapping(typeName = "Transfer", field = "evidence")
    CompletableFuture<List<Evidence>> transferEvidence(Transfer fact, @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return evidence.get("Transfer").page(fact.getId(), first, after, env);
    }

    @SchemaMapping(typeName = "Transfer", field = "disputes")
    CompletableFuture<List<Dispute>> transferDisputes(Transfer fact, @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return disputes.get("Transfer").page(fact.getId(), first, after, env);
    }

    @SchemaMapping(typeName = "Dataset", field = "evidence")
    CompletableFuture<List<Evidence>> datasetEvidence(Dataset fact, @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return evidence.get("Dataset").page(fact.getId(), first, after, env);
    }

    @SchemaMapping(typeName = "Dataset", field = "disputes")
    CompletableFuture<List<Dispute>> datasetDisputes(Dataset fact, @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return disputes.get("Dataset").page(fact.getId(), first, after, env);
    }

    @SchemaMapping(typeName = "Consent", field = "evidence")
    CompletableFuture<List<Evidence>> consentEvidence(Consent fact, @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return evidence.get("Consent").page(fact.getId(), first, after, env);
    }

    @SchemaMapping(typeName = "Consent", field = "disputes")
    CompletableFuture<List<Dispute>> consentDisputes(Consent fact, @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return disputes.get("Consent").page(fact.getId(), first, after, env);
    }

    @SchemaMapping(typeName = "Campaign", field = "evidence")
    CompletableFuture<List<Evidence>> campaignEvidence(Campaign fact, @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return evidence.get("Campaign").page(fact.getId(), first, after, env);
    }

    @SchemaMapping(typeName = "Campaign", field = "disputes")
    CompletableFuture<List<Dispute>> campaignDisputes(Campaign fact, @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return disputes.get("Campaign").page(fact.getId(), first, after, env);
    }

    @SchemaMapping(typeName = "EnforcementAction", field = "evidence")
    CompletableFuture<List<Evidence>> enforcementEvidence(EnforcementAction fact, @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return evidence.get("EnforcementAction").page(fact.getId(), first, after, env);
    }

    @SchemaMapping(typeName = "EnforcementAction", field = "disputes")
    CompletableFuture<List<Dispute>> enforcementDisputes(EnforcementAction fact, @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return disputes.get("EnforcementAction").page(fact.getId(), first, after, env);
    }

    @SchemaMapping(typeName = "Derivation", field = "evidence")
    CompletableFuture<List<Evidence>> derivationEvidence(Derivation fact, @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return evidence.get("Derivation").page(fact.getId(), first, after, env);
    }

    @SchemaMapping(typeName = "Derivation", field = "disputes")
    CompletableFuture<List<Dispute>> derivationDisputes(Derivation fact, @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return disputes.get("Derivation").page(fact.getId(), first, after, env);
    }

    @SchemaMapping(typeName = "TimelineEntry", field = "evidence")
    CompletableFuture<List<Evidence>> timelineEvidence(TimelineEntry fact, @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return evidence.get("TimelineEntry").page(fact.id(), first, after, env);
    }

    @SchemaMapping(typeName = "TimelineEntry", field = "disputes")
    CompletableFuture<List<Dispute>> timelineDisputes(TimelineEntry fact, @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return disputes.get("TimelineEntry").page(fact.id(), first, after, env);
    }
}
