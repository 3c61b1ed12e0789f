package org.datatrail.evidence;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.datatrail.system.Pages;
import org.datatrail.timeline.TimelineEntry;
import org.datatrail.transfer.Transfer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Evidence of every kind of fact, its sources, and the disputes where sources disagree (in all, and about each fact). */
@Controller
class EvidenceController {

    private static final Map<String, String> QUERIES = CypherResource.named(EvidenceController.class, "queries.cypher");
    private static final String EVIDENCE = QUERIES.get("evidence");
    private static final String DISPUTES_ABOUT = QUERIES.get("disputesAbout");

    private final GraphReads reads;

    EvidenceController(GraphReads reads) {
        this.reads = reads;
    }

    /**
     * Keyset pages of every dispute: the cursor holds the last one's kind, subject and id (the order's key), so a
     * page continues after that place whatever was recorded meanwhile, even if that dispute is gone.
     */
    @QueryMapping
    List<Dispute> disputes(@Argument Integer first, @Argument String after) {
        Map<String, Object> params = new HashMap<>();
        params.put("first", Pages.first(first, 50));
        List<String> key = after == null ? Arrays.asList(null, null, null) : Pages.key(after, "disputes", "", 3);
        params.put("afterKind", key.get(0));
        params.put("afterSubject", key.get(1));
        params.put("afterId", key.get(2));
        Map<String, String> cursors = new LinkedHashMap<>();
        reads.rows(QUERIES.get("disputes"), params).forEach(r -> cursors.put(r.get("id").asString(),
                Pages.keyset("disputes", "", r.get("kind").asString(), r.get("subject").asString(), r.get("id").asString())));
        return reads.load(Dispute.class, cursors.keySet(), Dispute::getId).stream().map(d -> d.withCursor(cursors.get(d.getId()))).toList();
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

    @BatchMapping(typeName = "Organisation", field = "evidence")
    Map<Organisation, List<Evidence>> organisationEvidence(List<Organisation> facts) {
        return reads.batch(facts, Organisation::getId, EVIDENCE, Evidence.class, Evidence::getId);
    }

    @BatchMapping(typeName = "Transfer", field = "evidence")
    Map<Transfer, List<Evidence>> transferEvidence(List<Transfer> facts) {
        return reads.batch(facts, Transfer::getId, EVIDENCE, Evidence.class, Evidence::getId);
    }

    @BatchMapping(typeName = "Dataset", field = "evidence")
    Map<Dataset, List<Evidence>> datasetEvidence(List<Dataset> facts) {
        return reads.batch(facts, Dataset::getId, EVIDENCE, Evidence.class, Evidence::getId);
    }

    @BatchMapping(typeName = "Consent", field = "evidence")
    Map<Consent, List<Evidence>> consentEvidence(List<Consent> facts) {
        return reads.batch(facts, Consent::getId, EVIDENCE, Evidence.class, Evidence::getId);
    }

    @BatchMapping(typeName = "Campaign", field = "evidence")
    Map<Campaign, List<Evidence>> campaignEvidence(List<Campaign> facts) {
        return reads.batch(facts, Campaign::getId, EVIDENCE, Evidence.class, Evidence::getId);
    }

    @BatchMapping(typeName = "EnforcementAction", field = "evidence")
    Map<EnforcementAction, List<Evidence>> enforcementEvidence(List<EnforcementAction> facts) {
        return reads.batch(facts, EnforcementAction::getId, EVIDENCE, Evidence.class, Evidence::getId);
    }

    @BatchMapping(typeName = "TimelineEntry", field = "evidence")
    Map<TimelineEntry, List<Evidence>> timelineEvidence(List<TimelineEntry> entries) {
        return reads.batch(entries, TimelineEntry::id, EVIDENCE, Evidence.class, Evidence::getId);
    }

    @BatchMapping(typeName = "Organisation", field = "disputes")
    Map<Organisation, List<Dispute>> organisationDisputes(List<Organisation> facts) {
        return reads.batch(facts, Organisation::getId, DISPUTES_ABOUT, Dispute.class, Dispute::getId);
    }

    @BatchMapping(typeName = "Transfer", field = "disputes")
    Map<Transfer, List<Dispute>> transferDisputes(List<Transfer> facts) {
        return reads.batch(facts, Transfer::getId, DISPUTES_ABOUT, Dispute.class, Dispute::getId);
    }

    @BatchMapping(typeName = "Dataset", field = "disputes")
    Map<Dataset, List<Dispute>> datasetDisputes(List<Dataset> facts) {
        return reads.batch(facts, Dataset::getId, DISPUTES_ABOUT, Dispute.class, Dispute::getId);
    }

    @BatchMapping(typeName = "Consent", field = "disputes")
    Map<Consent, List<Dispute>> consentDisputes(List<Consent> facts) {
        return reads.batch(facts, Consent::getId, DISPUTES_ABOUT, Dispute.class, Dispute::getId);
    }

    @BatchMapping(typeName = "Campaign", field = "disputes")
    Map<Campaign, List<Dispute>> campaignDisputes(List<Campaign> facts) {
        return reads.batch(facts, Campaign::getId, DISPUTES_ABOUT, Dispute.class, Dispute::getId);
    }

    @BatchMapping(typeName = "EnforcementAction", field = "disputes")
    Map<EnforcementAction, List<Dispute>> enforcementDisputes(List<EnforcementAction> facts) {
        return reads.batch(facts, EnforcementAction::getId, DISPUTES_ABOUT, Dispute.class, Dispute::getId);
    }

    @BatchMapping(typeName = "Derivation", field = "evidence")
    Map<Derivation, List<Evidence>> derivationEvidence(List<Derivation> facts) {
        return reads.batch(facts, Derivation::getId, EVIDENCE, Evidence.class, Evidence::getId);
    }

    @BatchMapping(typeName = "Derivation", field = "disputes")
    Map<Derivation, List<Dispute>> derivationDisputes(List<Derivation> facts) {
        return reads.batch(facts, Derivation::getId, DISPUTES_ABOUT, Dispute.class, Dispute::getId);
    }

    @BatchMapping(typeName = "ConsentCheck", field = "disputes")
    Map<ConsentCheck, List<Dispute>> verdictDisputes(List<ConsentCheck> checks) {
        return reads.byIds(checks, ConsentCheck::disputeIds, Dispute.class, Dispute::getId);
    }

    @BatchMapping(typeName = "TimelineEntry", field = "disputes")
    Map<TimelineEntry, List<Dispute>> timelineDisputes(List<TimelineEntry> entries) {
        return reads.batch(entries, TimelineEntry::id, DISPUTES_ABOUT, Dispute.class, Dispute::getId);
    }
}
