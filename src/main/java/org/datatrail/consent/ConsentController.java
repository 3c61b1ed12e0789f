package org.datatrail.consent;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.datatrail.consent.ConsentRule.ConsentCheck;
import org.datatrail.evidence.Evidence;
import org.datatrail.system.CypherResource;
import org.datatrail.system.GraphReads;
import org.datatrail.system.PagedList;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/** Consents, the purpose vocabulary, and the entities behind a ConsentCheck verdict. */
@Controller
class ConsentController {

    private static final Map<String, String> QUERIES = CypherResource.named(ConsentController.class, "queries.cypher");

    private final GraphReads reads;
    private final PagedList<Consent> supersededBy;

    ConsentController(GraphReads reads, BatchLoaderRegistry loaders) {
        this.reads = reads;
        this.supersededBy = PagedList.register(loaders, reads, "Consent.supersededBy", QUERIES.get("supersededByPage"), Consent.items());
    }

    @QueryMapping
    List<Purpose> purposes() {
        List<String> ids = reads.rows(QUERIES.get("purposes"), Map.of()).stream().map(r -> r.get("id").asString()).toList();
        return reads.load(Purpose.class, ids, Purpose::getId);
    }

    @BatchMapping
    Map<Consent, List<Purpose>> permittedPurposes(List<Consent> consents) {
        return reads.batch(consents, Consent::getId, QUERIES.get("permittedPurposes"), Purpose.class, Purpose::getId);
    }

    @BatchMapping
    Map<Purpose, List<Purpose>> includes(List<Purpose> purposes) {
        return reads.batch(purposes, Purpose::getId, QUERIES.get("includes"), Purpose.class, Purpose::getId);
    }

    @BatchMapping(typeName = "ConsentCheck", field = "uncoveredPurposes")
    Map<ConsentCheck, List<Purpose>> uncoveredPurposes(List<ConsentCheck> checks) {
        return reads.byIds(checks, ConsentCheck::uncoveredPurposeIds, Purpose.class, Purpose::getId);
    }

    @BatchMapping
    Map<Consent, Consent> supersedes(List<Consent> consents) {
        return reads.batchOne(consents, Consent::getId, QUERIES.get("supersedes"), Consent.class, Consent::getId);
    }

    @SchemaMapping
    CompletableFuture<List<Consent>> supersededBy(Consent consent, @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return supersededBy.page(consent.getId(), first, after, env);
    }

    @BatchMapping(typeName = "ConsentCheck", field = "consentsApplied")
    Map<ConsentCheck, List<Consent>> consentsApplied(List<ConsentCheck> checks) {
        return reads.byIds(checks, ConsentCheck::consentsAppliedIds, Consent.class, Consent::getId);
    }

    @BatchMapping(typeName = "ConsentCheck", field = "evidence")
    Map<ConsentCheck, List<Evidence>> evidence(List<ConsentCheck> checks) {
        return reads.byIds(checks, ConsentCheck::evidenceIds, Evidence.class, Evidence::getId);
    }
}
