package org.datatrail.consent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The consent rule, written once. A use of data along a chain is <em>covered</em> when the purpose it was
 * used for is permitted by a consent (or privacy notice) the data was collected under, directly or through
 * a chain of {@code INCLUDES} from a permitted purpose. Nothing else covers a purpose: not a "broader"
 * purpose without an explicit {@code INCLUDES} (so third-party marketing does not cover political
 * campaigning), not a consent of another dataset. The uses checked are every transfer's purposes, against
 * the consents of the dataset that transfer carried, and the purposes of campaigns run by the last
 * receiver with that dataset. Several consents of one dataset cover the union of what each permits.
 */
public final class ConsentRule {

    private ConsentRule() {
    }

    /** A purpose by id and name. */
    public record PurposeRef(String id, String name) {
    }

    /** A consent of the carried dataset, with every purpose it covers (the INCLUDES closure) and its evidence. */
    public record ConsentRef(String id, String title, List<PurposeRef> covers, List<String> evidenceIds) {
    }

    /** One transfer of the chain. */
    public record Hop(String transferId, String fromName, String toName, String datasetName, List<PurposeRef> purposes,
            List<ConsentRef> consents, List<String> evidenceIds) {
    }

    /** A campaign run by the chain's last receiver with the data of its last transfer. */
    public record CampaignUse(String id, String name, List<PurposeRef> purposes, List<String> evidenceIds) {
    }

    /**
     * The verdict on a chain.
     *
     * @param firstUncoveredHop index of the first transfer whose use was not covered (a campaign's use counts at the last hop)
     */
    public record ConsentCheck(boolean covered, List<String> uncoveredPurposeIds, Integer firstUncoveredHop, String explanation,
            List<String> evidenceIds) {
    }

    public static ConsentCheck check(List<Hop> hops, List<CampaignUse> finalUses) {
        Map<String, PurposeRef> uncovered = new LinkedHashMap<>();
        Set<String> evidence = new LinkedHashSet<>();
        Integer firstHop = null;
        String firstReason = null;
        for (int i = 0; i < hops.size(); i++) {
            Hop hop = hops.get(i);
            List<PurposeRef> missing = missing(hop.purposes(), hop.consents());
            hop.consents().forEach(c -> evidence.addAll(c.evidenceIds()));
            if (!missing.isEmpty()) {
                missing.forEach(p -> uncovered.putIfAbsent(p.id(), p));
                evidence.addAll(hop.evidenceIds());
                if (firstHop == null) {
                    firstHop = i;
                    firstReason = "At hop " + (i + 1) + ", " + hop.fromName() + " passed " + hop.datasetName() + " to " + hop.toName()
                            + " for " + names(missing) + ", which " + told(hop) + ".";
                }
            }
        }
        if (!hops.isEmpty()) {
            Hop last = hops.getLast();
            for (CampaignUse campaign : finalUses) {
                List<PurposeRef> missing = missing(campaign.purposes(), last.consents());
                if (!missing.isEmpty()) {
                    missing.forEach(p -> uncovered.putIfAbsent(p.id(), p));
                    evidence.addAll(campaign.evidenceIds());
                    if (firstHop == null) {
                        firstHop = hops.size() - 1;
                        firstReason = last.toName() + " used " + last.datasetName() + " in the campaign \"" + campaign.name() + "\" for "
                                + names(missing) + ", which " + told(last) + ".";
                    }
                }
            }
        }
        if (firstHop == null) {
            Set<PurposeRef> uses = new LinkedHashSet<>();
            hops.forEach(h -> uses.addAll(h.purposes()));
            finalUses.forEach(c -> uses.addAll(c.purposes()));
            String consents = hops.stream().flatMap(h -> h.consents().stream()).map(c -> "\"" + c.title() + "\"").distinct()
                .collect(Collectors.joining(", "));
            return new ConsentCheck(true, List.of(), null, "Covered: every use along this chain (" + names(List.copyOf(uses))
                    + ") was within what the data subjects were told (" + consents + ").", List.copyOf(evidence));
        }
        return new ConsentCheck(false, List.copyOf(uncovered.keySet()), firstHop,
                "Not covered. " + firstReason + (uncovered.size() > 1 ? " Uncovered along the chain: " + names(List.copyOf(uncovered.values())) + "." : ""),
                List.copyOf(evidence));
    }

    private static List<PurposeRef> missing(List<PurposeRef> uses, List<ConsentRef> consents) {
        Set<String> covered = consents.stream().flatMap(c -> c.covers().stream()).map(PurposeRef::id).collect(Collectors.toSet());
        List<PurposeRef> result = new ArrayList<>();
        for (PurposeRef use : uses) {
            if (!covered.contains(use.id())) {
                result.add(use);
            }
        }
        return result;
    }

    private static String told(Hop hop) {
        if (hop.consents().isEmpty()) {
            return "no consent or privacy notice recorded for that data covers";
        }
        String titles = hop.consents().stream().map(c -> "\"" + c.title() + "\"").collect(Collectors.joining(" and "));
        List<PurposeRef> covers = hop.consents().stream().flatMap(c -> c.covers().stream()).distinct().toList();
        return titles + (hop.consents().size() > 1 ? " do" : " does") + " not cover"
                + (covers.isEmpty() ? " (it covers no purpose at all)" : " (covered: " + names(covers) + ")");
    }

    private static String names(List<PurposeRef> purposes) {
        return purposes.stream().map(p -> p.name().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
