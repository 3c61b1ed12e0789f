package org.datatrail.consent;

import java.util.List;
import java.util.Map;

import org.datatrail.consent.ConsentRule.ConsentCheck;
import org.neo4j.driver.QueryRunner;

/**
 * The consent rule's verdict on single uses of data, one statement for a batch of them: a transfer (its purposes,
 * against the data it carried) or a campaign's use of a dataset. The consent-gaps report reads these, so that it
 * judges by the rule the traces use, not a second copy of it.
 */
public final class UseVerdicts {

    private UseVerdicts() {
    }

    /** A use: a transfer id, or a campaign id and the id of the dataset it used. */
    public record Use(String transfer, String campaign, String dataset) {

        Map<String, Object> parameter() {
            Map<String, Object> map = new java.util.HashMap<>();
            map.put("transfer", transfer);
            map.put("campaign", campaign);
            map.put("dataset", dataset);
            return map;
        }
    }

    /** The verdict on a use, with the facts it was reached on (for names and titles). */
    public record Verdict(ConsentCheck check, ChainFacts facts) {

        /** The names of the uncovered purposes. */
        public List<String> uncoveredPurposes() {
            Map<String, String> names = new java.util.HashMap<>();
            facts.hops().forEach(h -> h.purposes().forEach(p -> names.put(p.id(), p.name())));
            facts.campaigns().forEach(c -> c.purposes().forEach(p -> names.put(p.id(), p.name())));
            return check.uncoveredPurposeIds().stream().map(names::get).toList();
        }

        /** The titles of the consent versions applied. */
        public List<String> consentsApplied() {
            return check.consentsAppliedIds().stream().map(id -> facts.consents().get(id).title()).toList();
        }

        /** What each dispute the verdict rests on is about. */
        public List<String> disputes() {
            return facts.disputes(new java.util.LinkedHashSet<>(check.consentsAppliedIds())).stream()
                .map(d -> d.subject() + " (" + d.field() + ")").toList();
        }
    }

    /**
     * @param tx a READ transaction
     * @return a verdict per use, in order
     */
    public static List<Verdict> of(QueryRunner tx, List<Use> uses) {
        if (uses.isEmpty()) {
            return List.of();
        }
        return tx.run(ConsentFactsCypher.USES, Map.of("uses", uses.stream().map(Use::parameter).toList())).list(r -> {
            ChainFacts facts = ChainFactsReader.read(r.get("facts"));
            return new Verdict(ConsentRule.check(facts), facts);
        });
    }
}
