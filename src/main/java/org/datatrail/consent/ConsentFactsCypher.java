package org.datatrail.consent;

import java.util.Map;

import org.datatrail.system.CypherFragments;

/**
 * The Cypher that gathers what the consent rule reads (consent-facts.cypher), for the statements that splice it in:
 * the traces' projection and the verdicts of single uses.
 */
public final class ConsentFactsCypher {

    private static final Map<String, String> FRAGMENTS = CypherFragments.load(ConsentFactsCypher.class, "consent-facts.cypher");

    /** Single uses' facts: takes {@code $uses}, returns {@code i} and {@code facts}. */
    static final String USES = CypherFragments.complete(CypherFragments.fill(FRAGMENTS.get("uses"), "sources", sources("roots"), "hop", hop("tk"),
            "datasets", datasets("sources"), "consents", consents("sources"), "campaign", campaign("cam", "u")));

    private ConsentFactsCypher() {
    }

    /** Every dataset the data of {@code roots} (an expression: a list of dataset ids) came from, as nodes. */
    public static String sources(String roots) {
        return CypherFragments.fill(FRAGMENTS.get("sources"), "roots", roots);
    }

    /** A transfer (a variable) as the rule's hop. */
    public static String hop(String transfer) {
        return CypherFragments.fill(FRAGMENTS.get("hop"), "t", transfer);
    }

    /** The datasets of {@code sources} (a list of nodes) as the rule reads them. */
    public static String datasets(String sources) {
        return CypherFragments.fill(FRAGMENTS.get("datasets"), "sources", sources);
    }

    /** Every version of the consents of {@code sources}. */
    public static String consents(String sources) {
        return CypherFragments.fill(FRAGMENTS.get("consents"), "sources", sources);
    }

    /** A campaign (a variable) as a use of the dataset {@code used} (a variable). */
    public static String campaign(String campaign, String used) {
        return CypherFragments.fill(FRAGMENTS.get("campaign"), "campaign", campaign, "used", used);
    }
}
