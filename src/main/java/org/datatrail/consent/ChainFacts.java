package org.datatrail.consent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the consent rule reads about one chain of transfers, gathered with the trace in the same statement: its hops,
 * every dataset its data came from (the carried datasets and their sources through derivations), every version of
 * the consents of those datasets, and the campaigns its last receiver ran with the data.
 *
 * @param datasets by id
 * @param consents by id
 */
public record ChainFacts(List<Hop> hops, Map<String, DatasetFacts> datasets, Map<String, ConsentFacts> consents, List<CampaignUse> campaigns) {

    /** A purpose by id and name. */
    public record PurposeRef(String id, String name) {
    }

    /** A dispute about a fact: which field, and what it is about in words. */
    public record DisputeRef(String id, String field, String subject) {
    }

    /** One transfer of the chain; {@code date} or, where the sources only bound it, {@code earliest} / {@code latest}. */
    public record Hop(String transferId, String fromId, String fromName, String toName, String datasetId, LocalDate date,
            LocalDate earliest, LocalDate latest, List<PurposeRef> purposes, List<String> evidenceIds, List<DisputeRef> disputes,
            List<String> hedges) {

        /** The latest it can have happened, or null when nothing bounds it. */
        public LocalDate hi() {
            return date != null ? date : latest;
        }
    }

    /** A derivation of a dataset from {@code sourceId}. */
    public record Derivation(String id, String kind, LocalDate date, String sourceId, List<String> evidenceIds, List<DisputeRef> disputes,
            List<String> hedges) {
    }

    /** A dataset the chain's data came from: its holder, when it was collected, its consents and what it was made from. */
    public record DatasetFacts(String id, String name, String holderId, String holderName, LocalDate collectedFrom, LocalDate collectedUntil,
            boolean children, List<String> consentIds, List<Derivation> derivedFrom, List<DisputeRef> disputes, List<String> hedges) {
    }

    /** A version of a consent or notice, with every purpose it covers (the INCLUDES closure). */
    public record ConsentFacts(String id, String title, LocalDate validFrom, LocalDate validUntil, String supersedesId, List<PurposeRef> covers,
            List<String> evidenceIds, List<DisputeRef> disputes) {

        boolean covers(String purposeId) {
            return covers.stream().anyMatch(p -> p.id().equals(purposeId));
        }

        boolean scopeDisputed() {
            return disputes.stream().anyMatch(d -> d.field().equals("permittedPurposes"));
        }
    }

    /** A campaign the chain's last receiver ran with the chain's data ({@code datasetId}: the data it used). */
    public record CampaignUse(String id, String name, String runByName, String datasetId, LocalDate startDate, LocalDate endDate,
            List<PurposeRef> purposes, List<String> evidenceIds, List<DisputeRef> disputes) {
    }

    /**
     * The facts of the first {@code hops} hops only, without the campaigns: what a verdict may rest on where a chain
     * stops following the data at that hop (past it, the transfers moved other data).
     */
    public ChainFacts prefix(int hops) {
        List<Hop> kept = this.hops.subList(0, hops);
        Set<String> reached = new LinkedHashSet<>();
        kept.forEach(h -> reached.addAll(ancestorsOrSelf(h.datasetId())));
        Map<String, DatasetFacts> keptDatasets = new java.util.LinkedHashMap<>();
        datasets.forEach((id, d) -> {
            if (reached.contains(id)) {
                keptDatasets.put(id, d);
            }
        });
        return new ChainFacts(List.copyOf(kept), keptDatasets, consents, List.of());
    }

    /** A dataset and every dataset it was made from, directly or not. */
    public Set<String> ancestorsOrSelf(String datasetId) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(List.of(datasetId));
        while (!todo.isEmpty()) {
            String id = todo.removeLast();
            DatasetFacts dataset = datasets.get(id);
            if (seen.add(id) && dataset != null) {
                dataset.derivedFrom().forEach(x -> todo.add(x.sourceId()));
            }
        }
        return seen;
    }

    /** The derivations on the ways from {@code ancestorId} to {@code datasetId} (empty when it is the same dataset). */
    public List<Derivation> derivationsBetween(String ancestorId, String datasetId) {
        List<Derivation> result = new ArrayList<>();
        DatasetFacts dataset = datasets.get(datasetId);
        if (dataset == null || datasetId.equals(ancestorId)) {
            return result;
        }
        for (Derivation x : dataset.derivedFrom()) {
            if (ancestorsOrSelf(x.sourceId()).contains(ancestorId)) {
                result.add(x);
                result.addAll(derivationsBetween(ancestorId, x.sourceId()));
            }
        }
        return result;
    }

    /** Every dispute about a fact of the chain: its transfers, datasets, derivations, the given consents, its campaigns. */
    public List<DisputeRef> disputes(Set<String> consentIds) {
        Map<String, DisputeRef> all = new java.util.LinkedHashMap<>();
        hops.forEach(h -> h.disputes().forEach(d -> all.putIfAbsent(d.id(), d)));
        datasets.values().forEach(d -> {
            d.disputes().forEach(x -> all.putIfAbsent(x.id(), x));
            d.derivedFrom().forEach(x -> x.disputes().forEach(y -> all.putIfAbsent(y.id(), y)));
        });
        consentIds.stream().map(consents::get).forEach(c -> c.disputes().forEach(d -> all.putIfAbsent(d.id(), d)));
        campaigns.forEach(c -> c.disputes().forEach(d -> all.putIfAbsent(d.id(), d)));
        return List.copyOf(all.values());
    }
}
