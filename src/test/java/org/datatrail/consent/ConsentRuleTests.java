package org.datatrail.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.datatrail.consent.ConsentRule.CampaignUse;
import org.datatrail.consent.ConsentRule.ConsentRef;
import org.datatrail.consent.ConsentRule.Hop;
import org.datatrail.consent.ConsentRule.PurposeRef;
import org.junit.jupiter.api.Test;

/** The rule on its own, without a database: which uses a dataset's consents cover. */
class ConsentRuleTests {

    static final PurposeRef POSTAL = new PurposeRef("postal-marketing", "Postal marketing");
    static final PurposeRef THIRD_PARTY = new PurposeRef("third-party-marketing", "Third-party marketing");
    static final PurposeRef POLITICS = new PurposeRef("political-campaigning", "Political campaigning");

    static final ConsentRef NOTICE = new ConsentRef("notice", "Club privacy policy", List.of(POSTAL, THIRD_PARTY), List.of("ev-notice"));

    @Test
    void thirdPartyMarketingDoesNotCoverPoliticalCampaigning() {
        var check = ConsentRule.check(List.of(hop("t1", List.of(POLITICS), List.of(NOTICE))), List.of());

        assertThat(check.covered()).isFalse();
        assertThat(check.uncoveredPurposeIds()).containsExactly("political-campaigning");
        assertThat(check.firstUncoveredHop()).isZero();
        assertThat(check.explanation()).isEqualTo("Not covered. At hop 1, Supplier passed Members to Receiver for political campaigning, "
                + "which \"Club privacy policy\" does not cover (covered: postal marketing, third-party marketing).");
        assertThat(check.evidenceIds()).containsExactly("ev-notice", "ev-t1");
    }

    @Test
    void aCampaignWithTheDataIsAUseToo() {
        var check = ConsentRule.check(List.of(hop("t1", List.of(POSTAL), List.of(NOTICE)), hop("t2", List.of(THIRD_PARTY), List.of(NOTICE))),
                List.of(new CampaignUse("c", "Election mailing", List.of(POLITICS), List.of("ev-c"))));

        assertThat(check.covered()).isFalse();
        assertThat(check.firstUncoveredHop()).isEqualTo(1);
        assertThat(check.explanation()).contains("Receiver used Members in the campaign \"Election mailing\" for political campaigning");
        assertThat(check.evidenceIds()).contains("ev-c");
    }

    @Test
    void dataWithoutAnyConsentCoversNothing() {
        var check = ConsentRule.check(List.of(hop("t1", List.of(POSTAL), List.of())), List.of());

        assertThat(check.covered()).isFalse();
        assertThat(check.explanation()).contains("no consent or privacy notice recorded for that data covers");
    }

    @Test
    void coveredUsesSayWhatCoveredThem() {
        var check = ConsentRule.check(List.of(hop("t1", List.of(POSTAL), List.of(NOTICE))), List.of());

        assertThat(check.covered()).isTrue();
        assertThat(check.firstUncoveredHop()).isNull();
        assertThat(check.explanation()).isEqualTo(
                "Covered: every use along this chain (postal marketing) was within what the data subjects were told (\"Club privacy policy\").");
    }

    private static Hop hop(String id, List<PurposeRef> purposes, List<ConsentRef> consents) {
        return new Hop(id, "Supplier", "Receiver", "Members", purposes, consents, List.of("ev-" + id));
    }
}
