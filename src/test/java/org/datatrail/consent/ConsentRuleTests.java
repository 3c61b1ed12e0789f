package org.datatrail.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.datatrail.consent.ChainFacts.CampaignUse;
import org.datatrail.consent.ChainFacts.ConsentFacts;
import org.datatrail.consent.ChainFacts.DatasetFacts;
import org.datatrail.consent.ChainFacts.Derivation;
import org.datatrail.consent.ChainFacts.DisputeRef;
import org.datatrail.consent.ChainFacts.Hop;
import org.datatrail.consent.ChainFacts.PurposeRef;
import org.junit.jupiter.api.Test;

/** The rule on its own, without a database: which uses the consents of the data cover. */
class ConsentRuleTests {

    static final PurposeRef POSTAL = new PurposeRef("postal-marketing", "Postal marketing");
    static final PurposeRef THIRD_PARTY = new PurposeRef("third-party-marketing", "Third-party marketing");
    static final PurposeRef POLITICS = new PurposeRef("political-campaigning", "Political campaigning");

    static final ConsentFacts NOTICE = consent("notice", "Club privacy policy", null, null, null, List.of(POSTAL, THIRD_PARTY));

    @Test
    void thirdPartyMarketingDoesNotCoverPoliticalCampaigning() {
        var check = ConsentRule.check(facts(List.of(hop("t1", "members", List.of(POLITICS), null)), List.of(members(List.of("notice"))),
                List.of(NOTICE), List.of()));

        assertThat(check.covered()).isFalse();
        assertThat(check.uncoveredPurposeIds()).containsExactly("political-campaigning");
        assertThat(check.firstUncoveredHop()).isZero();
        assertThat(check.explanation()).isEqualTo("Not covered. At the first hop, Supplier passed Members to Receiver for political campaigning, "
                + "which \"Club privacy policy\" does not cover (covered: postal marketing, third-party marketing).");
        assertThat(check.evidenceIds()).containsExactly("ev-notice", "ev-t1");
        assertThat(check.consentsAppliedIds()).containsExactly("notice");
    }

    @Test
    void aCampaignWithTheDataIsAUseToo() {
        var check = ConsentRule.check(facts(List.of(hop("t1", "members", List.of(POSTAL), null), hop("t2", "members", List.of(THIRD_PARTY), null)),
                List.of(members(List.of("notice"))), List.of(NOTICE),
                List.of(new CampaignUse("c", "Election mailing", "Receiver", "members", null, null, List.of(POLITICS), List.of("ev-c"), List.of()))));

        assertThat(check.covered()).isFalse();
        assertThat(check.firstUncoveredHop()).isEqualTo(1);
        assertThat(check.explanation()).contains("Receiver used Members in the campaign \"Election mailing\" for political campaigning");
        assertThat(check.evidenceIds()).contains("ev-c");
    }

    @Test
    void dataWithoutAnyConsentCoversNothing() {
        var check = ConsentRule.check(facts(List.of(hop("t1", "members", List.of(POSTAL), null)), List.of(members(List.of())), List.of(), List.of()));

        assertThat(check.covered()).isFalse();
        assertThat(check.explanation()).contains("no consent or privacy notice recorded for that data covers");
    }

    @Test
    void coveredUsesSayWhatCoveredThem() {
        var check = ConsentRule.check(facts(List.of(hop("t1", "members", List.of(POSTAL), null)), List.of(members(List.of("notice"))),
                List.of(NOTICE), List.of()));

        assertThat(check.covered()).isTrue();
        assertThat(check.firstUncoveredHop()).isNull();
        assertThat(check.explanation()).isEqualTo(
                "Covered: every use along this chain (postal marketing) was within what the data subjects were told (\"Club privacy policy\").");
    }

    @Test
    void aVersionThatTookEffectAfterTheDataLeftDoesNotCoverIt() {
        ConsentFacts v1 = consent("v1", "Policy 2015", LocalDate.of(2015, 1, 1), null, null, List.of(POSTAL));
        ConsentFacts v2 = consent("v2", "Policy 2019", LocalDate.of(2019, 1, 1), null, "v1", List.of(POSTAL, POLITICS));

        var check = ConsentRule.check(facts(List.of(hop("t1", "members", List.of(POLITICS), LocalDate.of(2018, 5, 5))),
                List.of(members(List.of("v1"))), List.of(v1, v2), List.of()));

        assertThat(check.covered()).isFalse();
        assertThat(check.consentsAppliedIds()).containsExactly("v1");
        assertThat(check.notes()).containsExactly("\"Policy 2019\" was not in force while the data of Members was collected (until it left "
                + "Supplier, by 2018-05-05), so it was not applied.");
    }

    @Test
    void whereTheSubjectsMayHaveBeenToldEitherVersionEveryOneMustCoverTheUse() {
        ConsentFacts v1 = consent("v1", "Policy 2015", LocalDate.of(2015, 1, 1), null, null, List.of(POSTAL));
        ConsentFacts v2 = consent("v2", "Policy 2016", LocalDate.of(2016, 1, 1), null, "v1", List.of(POSTAL, POLITICS));
        DatasetFacts collected = new DatasetFacts("members", "Members", "s", "Supplier", LocalDate.of(2015, 6, 1), LocalDate.of(2016, 6, 1), false,
                List.of("v2"), List.of(), List.of(), List.of());

        var check = ConsentRule.check(facts(List.of(hop("t1", "members", List.of(POLITICS), null)), List.of(collected), List.of(v1, v2), List.of()));

        assertThat(check.covered()).isFalse();
        assertThat(check.consentsAppliedIds()).containsExactly("v1", "v2");
        assertThat(check.explanation()).endsWith("which not every version of the notice that may have applied when the data was collected "
                + "covers it (\"Policy 2015\" does not).");
    }

    @Test
    void aDisputedAccountOfWhatANoticePermittedIsNeverCoverage() {
        DisputeRef dispute = new DisputeRef("d", "permittedPurposes", "What the policy told members");
        ConsentFacts claimed = new ConsentFacts("notice", "Club privacy policy", null, null, null, List.of(POSTAL, POLITICS), List.of("ev-notice"),
                List.of(dispute));

        var covering = ConsentRule.check(facts(List.of(hop("t1", "members", List.of(POLITICS), null)), List.of(members(List.of("notice"))),
                List.of(claimed), List.of()));
        var notCovering = ConsentRule.check(facts(List.of(hop("t1", "members", List.of(THIRD_PARTY), null)), List.of(members(List.of("notice"))),
                List.of(claimed), List.of()));

        assertThat(covering.covered()).isFalse();
        assertThat(covering.explanation()).endsWith("which \"Club privacy policy\" covers only by one account of what it permitted, which is "
                + "disputed (What the policy told members).");
        assertThat(notCovering.covered()).isFalse();
        assertThat(notCovering.explanation()).endsWith("which \"Club privacy policy\" is not shown to cover: what it permitted is disputed "
                + "(What the policy told members), and by one account it covered only postal marketing, political campaigning.");
        assertThat(covering.disputeIds()).containsExactly("d");
    }

    @Test
    void dataMadeFromTwoSourcesIsCoveredOnlyWhereBothAre() {
        ConsentFacts broad = consent("broad", "Broad notice", null, null, null, List.of(POSTAL, POLITICS));
        DatasetFacts other = new DatasetFacts("other", "Other list", "o", "Other", null, null, false, List.of("broad"), List.of(), List.of(), List.of());
        DatasetFacts merged = new DatasetFacts("merged", "Merged", "r", "Receiver", null, null, false, List.of(),
                List.of(new Derivation("x1", "MERGE", null, "members", List.of("ev-x1"), List.of(), List.of()),
                        new Derivation("x2", "MERGE", null, "other", List.of("ev-x2"), List.of(), List.of())),
                List.of(), List.of());

        var politics = ConsentRule.check(facts(List.of(hop("t1", "merged", List.of(POLITICS), null)),
                List.of(members(List.of("notice")), other, merged), List.of(NOTICE, broad), List.of()));
        var postal = ConsentRule.check(facts(List.of(hop("t1", "merged", List.of(POSTAL), null)),
                List.of(members(List.of("notice")), other, merged), List.of(NOTICE, broad), List.of()));

        assertThat(politics.covered()).isFalse();
        assertThat(politics.explanation()).contains("\"Club privacy policy\", given to the subjects of Members (from which the data was made), "
                + "does not cover");
        assertThat(politics.evidenceIds()).contains("ev-x1").doesNotContain("ev-x2");
        assertThat(postal.covered()).isTrue();
    }

    private static ChainFacts facts(List<Hop> hops, List<DatasetFacts> datasets, List<ConsentFacts> consents, List<CampaignUse> campaigns) {
        Map<String, DatasetFacts> d = new LinkedHashMap<>();
        datasets.forEach(x -> d.put(x.id(), x));
        Map<String, ConsentFacts> c = new LinkedHashMap<>();
        consents.forEach(x -> c.put(x.id(), x));
        return new ChainFacts(hops, d, c, campaigns);
    }

    private static DatasetFacts members(List<String> consents) {
        return new DatasetFacts("members", "Members", "s", "Supplier", null, null, false, consents, List.of(), List.of(), List.of());
    }

    private static ConsentFacts consent(String id, String title, LocalDate from, LocalDate until, String supersedes, List<PurposeRef> covers) {
        return new ConsentFacts(id, title, from, until, supersedes, covers, List.of("ev-" + id), List.of());
    }

    private static Hop hop(String id, String dataset, List<PurposeRef> purposes, LocalDate date) {
        return new Hop(id, "s", "Supplier", "Receiver", dataset, date, null, null, purposes, List.of("ev-" + id), List.of(), List.of());
    }
}
