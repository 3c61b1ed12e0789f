package org.datatrail.consent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.datatrail.consent.ChainFacts.CampaignUse;
import org.datatrail.consent.ChainFacts.ConsentFacts;
import org.datatrail.consent.ChainFacts.DisputeRef;
import org.datatrail.consent.ChainFacts.Hop;
import org.datatrail.consent.ChainFacts.PurposeRef;
import org.datatrail.consent.Coverage.Shortfall;

/**
 * The consent rule, written once: traces, the {@code consent-gaps} report and the workbench all read its verdicts.
 * A use of data along a chain is <em>covered</em> when the purpose it was used for is permitted by what the data's
 * subjects were told when it was collected (see {@link Coverage} for which consents and versions count, and for
 * data made from other data), directly or through a chain of {@code INCLUDES} from a permitted purpose. Nothing else
 * covers a purpose: not a "broader" purpose without an explicit {@code INCLUDES} (so third-party marketing does not
 * cover political campaigning), not a consent of other data, not a disputed account of what a notice permitted. The
 * uses checked are every transfer's purposes, against the data that transfer carried, and the purposes of the
 * campaigns the last receiver ran with the chain's data.
 */
public final class ConsentRule {

    private static final String[] ORDINALS = { "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth" };

    private ConsentRule() {
    }

    /**
     * The verdict on a chain.
     *
     * @param firstUncoveredHop index of the first transfer whose use was not covered (a campaign's use counts at the last hop;
     *        null when covered, or for a campaign judged without a chain)
     * @param disputeIds every dispute about a fact the verdict rests on
     * @param consentsAppliedIds the consent versions the verdict applied
     * @param notes what the verdict's reading rests on that is weak, in sentences (the chain's caveats include them)
     */
    public record ConsentCheck(boolean covered, List<String> uncoveredPurposeIds, Integer firstUncoveredHop, String explanation,
            List<String> evidenceIds, boolean childrenData, List<String> disputeIds, List<String> consentsAppliedIds, List<String> notes) {
    }

    public static ConsentCheck check(ChainFacts facts) {
        Coverage coverage = new Coverage(facts);
        Map<String, PurposeRef> uncovered = new LinkedHashMap<>();
        Set<String> applied = new LinkedHashSet<>();
        Set<String> notes = new LinkedHashSet<>();
        Set<String> useEvidence = new LinkedHashSet<>();
        Integer firstHop = null;
        String firstReason = null;
        for (UseOf use : uses(facts)) {
            Use judged = check(coverage, use.datasetId(), use.purposes(), use.hop(), applied, notes);
            if (judged.missing().isEmpty()) {
                continue;
            }
            judged.missing().forEach(p -> uncovered.putIfAbsent(p.id(), p));
            useEvidence.addAll(use.evidenceIds());
            useEvidence.addAll(judged.evidence());
            if (firstReason == null) {
                firstHop = use.hop() < 0 ? null : use.hop();
                firstReason = use.leadIn() + " for " + names(judged.missing()) + disputed(use.disputes(), "purposes", "its purposes are disputed")
                        + ", which " + judged.reason() + ".";
            }
        }
        List<String> appliedIds = List.copyOf(applied);
        // what the subjects were told first, then what the uncovered uses were
        Set<String> evidence = new LinkedHashSet<>();
        appliedIds.forEach(id -> evidence.addAll(facts.consents().get(id).evidenceIds()));
        evidence.addAll(useEvidence);
        boolean children = facts.hops().stream().anyMatch(h -> facts.datasets().get(h.datasetId()).children());
        List<String> disputes = facts.disputes(applied).stream().map(DisputeRef::id).toList();
        boolean covered = firstReason == null;
        String explanation = covered
                ? "Covered: every use along this chain (" + names(uses(facts).stream().flatMap(u -> u.purposes().stream()).distinct().toList())
                        + ") was within what the data subjects were told ("
                        + Coverage.titles(appliedIds.stream().map(facts.consents()::get).toList()).replace(" and ", ", ") + ")."
                        + disputedPurposes(facts)
                : "Not covered. " + firstReason
                        + (uncovered.size() > 1 ? " Uncovered along the chain: " + names(List.copyOf(uncovered.values())) + "." : "");
        return new ConsentCheck(covered, List.copyOf(uncovered.keySet()), firstHop, explanation, List.copyOf(evidence), children,
                disputes, appliedIds, List.copyOf(notes));
    }

    /**
     * A use of data the rule judges: a transfer at its hop, or a campaign of the last receiver, which counts at the last
     * hop (-1 for a campaign judged on its own).
     */
    private record UseOf(int hop, String datasetId, List<PurposeRef> purposes, List<String> evidenceIds, List<DisputeRef> disputes,
            String leadIn) {
    }

    private static List<UseOf> uses(ChainFacts facts) {
        List<UseOf> uses = new ArrayList<>();
        for (int i = 0; i < facts.hops().size(); i++) {
            Hop hop = facts.hops().get(i);
            uses.add(new UseOf(i, hop.datasetId(), hop.purposes(), hop.evidenceIds(), hop.disputes(), "At the " + ordinal(i) + " hop, "
                    + hop.fromName() + " passed " + name(facts, hop.datasetId()) + " to " + hop.toName()));
        }
        for (CampaignUse campaign : facts.campaigns()) {
            uses.add(new UseOf(facts.hops().size() - 1, campaign.datasetId(), campaign.purposes(), campaign.evidenceIds(), campaign.disputes(),
                    campaign.runByName() + " used " + name(facts, campaign.datasetId()) + " in the campaign \"" + campaign.name() + "\""));
        }
        return uses;
    }

    /** The uncovered purposes of one use, why, and the evidence of the derivations the reason goes through. */
    private record Use(List<PurposeRef> missing, String reason, List<String> evidence) {
    }

    private static Use check(Coverage coverage, String datasetId, List<PurposeRef> purposes, int hop, Set<String> applied, Set<String> notes) {
        List<PurposeRef> missing = new ArrayList<>();
        Set<String> reasons = new LinkedHashSet<>();
        List<String> evidence = new ArrayList<>();
        for (PurposeRef purpose : purposes) {
            Coverage.Result result = coverage.of(datasetId, purpose.id(), hop);
            applied.addAll(result.applied());
            notes.addAll(result.notes());
            if (!result.covered()) {
                missing.add(purpose);
                for (Shortfall s : result.shortfalls()) {
                    reasons.add(Reasons.of(s, datasetId));
                    coverage.facts().derivationsBetween(s.dataset().id(), datasetId).forEach(x -> evidence.addAll(x.evidenceIds()));
                }
            }
        }
        return new Use(missing, String.join("; and ", reasons), evidence);
    }

    /** A covered verdict states the uses as recorded; where a transfer's purposes are disputed, it says so. */
    private static String disputedPurposes(ChainFacts facts) {
        StringBuilder text = new StringBuilder();
        for (Hop h : facts.hops()) {
            String note = disputed(h.disputes(), "purposes", "");
            if (!note.isEmpty()) {
                text.append(" The purposes of the transfer from ").append(h.fromName()).append(" to ").append(h.toName()).append(" are disputed")
                    .append(note).append('.');
            }
        }
        return text.toString();
    }

    /** " (<what>: <subject>)" when a dispute is about {@code field}, else "". */
    private static String disputed(List<DisputeRef> disputes, String field, String what) {
        return disputes.stream().filter(d -> d.field().equals(field)).findFirst()
            .map(d -> " (" + (what.isEmpty() ? "" : what + ": ") + d.subject() + ")").orElse("");
    }

    /** "first", "second"...: hops in prose, where GraphQL counts from 0. */
    public static String ordinal(int index) {
        return index < ORDINALS.length ? ORDINALS[index] : (index + 1) + "th";
    }

    private static String name(ChainFacts facts, String datasetId) {
        return facts.datasets().get(datasetId).name();
    }

    static String names(List<PurposeRef> purposes) {
        return purposes.stream().map(p -> p.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    static String coversList(List<ConsentFacts> versions) {
        List<PurposeRef> covers = versions.stream().flatMap(v -> v.covers().stream()).distinct().toList();
        return covers.isEmpty() ? "no purpose at all" : names(covers);
    }
}
