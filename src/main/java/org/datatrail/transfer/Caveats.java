package org.datatrail.transfer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.datatrail.consent.ChainFacts;
import org.datatrail.consent.ChainFacts.DatasetFacts;
import org.datatrail.consent.ChainFacts.Derivation;
import org.datatrail.consent.ChainFacts.DisputeRef;
import org.datatrail.consent.ChainFacts.Hop;
import org.datatrail.consent.ConsentRule;
import org.datatrail.consent.ConsentRule.ConsentCheck;

/**
 * What a chain's reading rests on that is weak, in plain sentences an investigator checks before quoting it: a break
 * in lineage, undated or only bounded hops, derivations of unknown date, hedged facts, disputed facts, and the consent
 * rule's own notes.
 */
final class Caveats {

    private Caveats() {
    }

    static List<String> of(ChainFacts facts, Integer lineageBreaksAtHop, ConsentCheck check) {
        Set<String> caveats = new LinkedHashSet<>();
        List<Hop> hops = facts.hops();
        if (lineageBreaksAtHop != null) {
            Hop hop = hops.get(lineageBreaksAtHop);
            Hop before = hops.get(lineageBreaksAtHop - 1);
            caveats.add("The sources do not show that the " + ordinal(lineageBreaksAtHop) + " transfer (" + hop.fromName() + " to " + hop.toName()
                    + ", " + dataset(facts, hop.datasetId()) + ") carried on the data of the one before (" + dataset(facts, before.datasetId())
                    + "), or a date says it came first: from there on this is a connection between organisations, not a flow of data.");
            caveats.add("The consent verdict judges the uses of the data up to that transfer only.");
        }
        for (Hop hop : hops) {
            String transfer = "The transfer from " + hop.fromName() + " to " + hop.toName();
            if (hop.date() == null && hop.earliest() == null && hop.latest() == null) {
                caveats.add(transfer + " is undated.");
            }
            else if (hop.date() == null) {
                caveats.add(transfer + " is dated only within bounds: " + (hop.earliest() == null ? "no later than " + hop.latest()
                        : hop.latest() == null ? "no earlier than " + hop.earliest() : "between " + hop.earliest() + " and " + hop.latest()) + ".");
            }
        }
        for (Hop hop : hops) {
            hop.hedges().forEach(h -> caveats.add(hedged(h, "the transfer from " + hop.fromName() + " to " + hop.toName())));
        }
        for (int k = 1; k < hops.size(); k++) {
            derivations(facts, hops.get(k - 1).datasetId(), hops.get(k).datasetId(), caveats);
        }
        if (!hops.isEmpty()) {
            facts.campaigns().forEach(c -> derivations(facts, hops.getLast().datasetId(), c.datasetId(), caveats));
        }
        for (DatasetFacts d : facts.datasets().values()) {
            d.hedges().forEach(h -> caveats.add(hedged(h, d.name())));
        }
        for (DisputeRef d : facts.disputes(new LinkedHashSet<>(check.consentsAppliedIds()))) {
            caveats.add("Disputed: " + d.subject() + " (" + d.field() + "); every claim is listed with its evidence.");
        }
        caveats.addAll(check.notes());
        return List.copyOf(caveats);
    }

    private static void derivations(ChainFacts facts, String from, String to, Set<String> caveats) {
        List<Derivation> between = new ArrayList<>(facts.derivationsBetween(from, to));
        for (Derivation x : between) {
            String made = facts.datasets().values().stream().filter(d -> d.derivedFrom().contains(x)).map(DatasetFacts::name).findFirst().orElse("?");
            if (x.date() == null) {
                caveats.add("The sources do not say when " + made + " was made from " + dataset(facts, x.sourceId()) + ".");
            }
            x.hedges().forEach(h -> caveats.add(hedged(h, "the making of " + made + " from " + dataset(facts, x.sourceId()))));
        }
    }

    /** A stored hedge is "field: wording". */
    private static String hedged(String hedge, String what) {
        int colon = hedge.indexOf(": ");
        return colon < 0 ? "The sources hedge " + what + ": \"" + hedge + "\"."
                : "The sources hedge the " + hedge.substring(0, colon) + " of " + what + ": \"" + hedge.substring(colon + 2) + "\".";
    }

    private static String dataset(ChainFacts facts, String id) {
        DatasetFacts d = facts.datasets().get(id);
        return d == null ? id : d.name();
    }

    private static String ordinal(int index) {
        return ConsentRule.ordinal(index);
    }
}
