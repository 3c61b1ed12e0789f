package org.datatrail.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.datatrail.report.ReportRows.column;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.datatrail.ingest.FactIngest;
import org.datatrail.ingest.SeedLoader;
import org.datatrail.support.TestDatabase;
import org.datatrail.system.SchemaMigrations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every report on the shelf against a hand-made network whose answers were worked out by hand
 * ({@code facts/reports/network.json}):
 *
 * <pre>
 * Kiddo Club --t1 1000 postal--> Hub Brokers --t2 800 profiling--> Mid Data --t3 600 politics--> Red Party
 *   (Kiddo members: names, child's dob;          |  ^                  |
 *    notice permits marketing, which includes    |  +--t6 50 postal----+   (Mid Data later deletes it)
 *    postal)                                     +--t8 100 postal--> Blue Party
 * Listco --t4 500 politics--> Hub Brokers --t5 400 politics--> Blue Party
 *   (Listco voters: consent permits politics)  --t7 ? politics----> Red Party
 * Red Party runs "Red mailing" with Kiddo members for politics; Blue Party "Blue mailing" with Listco voters.
 * The Watchdog fined Kiddo Club 5000 GBP and warned Hub Brokers (date disputed).
 * </pre>
 */
class ReportAnswersIntegrationTests {

    static TestDatabase db;
    static ReportRunner runner;

    @BeforeAll
    static void load() {
        db = TestDatabase.start();
        SchemaMigrations.fromClasspath(db.driver()).migrate();
        new SeedLoader(new FactIngest(db.driver())).load("classpath:facts/reports/");
        runner = new ReportRunner(db.driver(), new ReportCatalog(db.driver()), Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    static List<Map<String, Object>> run(String report, Map<String, String> parameters) {
        return ReportRows.run(runner, report, parameters);
    }

    @Test
    void consentGapsAreTheTwoUncoveredTransfersAndTheCampaign() {
        var rows = run("consent-gaps", Map.of());

        assertThat(column(rows, "id")).containsExactly("t2", "t3", "red-mail");
        assertThat(column(rows, "kind")).containsExactly("transfer", "transfer", "campaign");
        assertThat(column(rows, "uncoveredPurposes"))
            .containsExactly(List.of("Profiling"), List.of("Political campaigning"), List.of("Political campaigning"));
        assertThat(rows.get(0)).containsEntry("date", LocalDate.of(2019, 2, 10)).containsEntry("actor", "Hub Brokers")
            .containsEntry("receiver", "Mid Data").containsEntry("dataset", "Kiddo members")
            .containsEntry("consentsApplied", List.of("Kiddo Club notice"))
            .containsEntry("evidence", List.of("s1: hub sent mid data (s1)", "s2: hub sent mid data (s2)"));
        assertThat(rows.get(2)).containsEntry("actor", "Red Party").containsEntry("receiver", null);
        assertThat(column(run("consent-gaps", Map.of("from", "red")), "id")).containsExactly("red-mail");
    }

    @Test
    void childrensDataFollowsWholeChainsAndSaysWhoStillHoldsIt() {
        var rows = run("childrens-data", Map.of());

        // whole DATA chains, a chain's rows in the order of its transfer ids
        assertThat(column(rows, "chain")).containsExactly(
                "Kiddo Club -> Hub Brokers -> Mid Data -> Red Party",
                "Kiddo Club -> Hub Brokers -> Blue Party");
        assertThat(column(rows, "transfers")).containsExactly(List.of("t1", "t2", "t3"), List.of("t1", "t8"));
        assertThat(column(rows, "hops")).containsExactly(3L, 2L);
        assertThat(column(rows, "basis")).containsOnly("DATA");
        assertThat(column(rows, "childrensData")).containsOnly(List.of("Child's date of birth"));
        assertThat(column(rows, "heldNowBy")).containsExactly(
                List.of("Kiddo Club", "Hub Brokers", "Red Party"),
                List.of("Kiddo Club", "Hub Brokers", "Blue Party"));
        assertThat(column(rows, "deletedBy")).containsExactly(List.of("Mid Data"), List.of());
        assertThat(run("childrens-data", Map.of("from", "lists"))).isEmpty();
    }

    @Test
    void brokerHubsRankByOnwardTransfersThenRecords() {
        var rows = run("broker-hubs", Map.of());

        assertThat(column(rows, "organisation")).containsExactly("Hub Brokers", "Mid Data");
        assertThat(column(rows, "onwardTransfers")).containsExactly(4L, 2L);
        assertThat(column(rows, "recordsPassedOn")).containsExactly(1300L, 650L);
        // the hub sent one transfer of unknown size (t7); Mid Data's 50 to the hub is a source's "more than" (t6)
        assertThat(column(rows, "recordsPassedOnAre")).containsExactly("at least 1300; 1 transfer of unknown size",
                "at least 650 (a source gives a lower bound)");
        assertThat(column(rows, "countIsLowerBound")).containsExactly(true, true);
    }

    @Test
    void whoFedAPartyListsEveryUpstreamSupplierWithHopsAndRecords() {
        var rows = run("who-fed-a-party", Map.of());

        assertThat(rows).extracting(r -> r.get("party") + " <- " + r.get("supplier") + " in " + r.get("hops"))
            .containsExactly(
                "Blue Party <- Hub Brokers in 1", "Blue Party <- Kiddo Club in 2", "Blue Party <- Listco in 2", "Blue Party <- Mid Data in 2",
                "Red Party <- Hub Brokers in 1", "Red Party <- Mid Data in 1", "Red Party <- Kiddo Club in 2", "Red Party <- Listco in 2");
        assertThat(column(rows, "chains")).containsOnly(2L);
        assertThat(column(rows, "recordsSent")).containsExactly(500L, 1000L, 500L, 50L, 800L, 650L, 1000L, 500L);
        assertThat(column(rows, "recordsArrived")).containsExactly(500L, 500L, 500L, 500L, 600L, 600L, 600L, 600L);
        // Mid Data's 50 to the hub is a source's "more than" (t6): its chain to Blue Party rests on a lower bound
        assertThat(column(rows, "countsAreLowerBounds")).containsExactly(false, false, false, true, true, true, true, true);
        assertThat(column(rows, "recordsArrivedAre")).containsExactly("exactly 500", "exactly 500", "exactly 500", "exactly 500",
                "at least 600; 1 transfer of unknown size", "at least 600; 1 transfer of unknown size", "at least 600; 1 transfer of unknown size",
                "at least 600; 1 transfer of unknown size");
        assertThat(rows.get(6)).containsEntry("shortestRoute", "Kiddo Club -> Hub Brokers -> Red Party");
        assertThat(column(run("who-fed-a-party", Map.of("party", "blue")), "supplier"))
            .containsExactly("Hub Brokers", "Kiddo Club", "Listco", "Mid Data");
    }

    @Test
    void exposureCountsRecordsByCategoryWithTheGroupsEachCategoryIsAboutNeverCrossingThem() {
        var rows = run("exposure", Map.of("organisation", "red"));

        // one row per category: the names came in the children's list (600) and in the voters' list, which no source
        // counts, so the sum is "at least"; the address came only with the voters: unknown, never 0
        assertThat(rows).extracting(r -> r.get("dataCategory") + "=" + r.get("records")).containsExactly("Child's date of birth=600", "Name=600",
                "Address=null");
        assertThat(column(rows, "recordsAre")).containsExactly("exactly 600", "at least 600; 1 transfer of unknown size",
                "unknown: 1 transfer of unknown size");
        assertThat(column(rows, "countIsLowerBound")).containsExactly(false, true, true);
        assertThat(column(rows, "concernsChildren")).containsExactly(true, false, false);
        // whom each category is about: only what the carrying datasets pair it with. Kiddo's list pairs the birthdays
        // with the babies and the names with the parents (crossed, both would be [babies, parents]); Listco's list pairs
        // nothing, so its names and its addresses are about groups the sources do not say (never its "voters")
        assertThat(column(rows, "subjectGroups")).containsExactly(List.of("babies"), List.of("parents"), List.of());
        assertThat(column(rows, "aboutNotStatedBy")).containsExactly(List.of(), List.of("Listco voters"), List.of("Listco voters"));
        assertThat(column(rows, "subjectGroupsAre")).containsExactly("exactly babies", "at least parents; 1 of 2 datasets does not say whom it is about",
                "unknown: 1 dataset does not say whom it is about");

        var hub = run("exposure", Map.of("organisation", "hub"));
        // names reached the hub in three transfers of two datasets (the children's lists and the voters' list), the
        // children's dates of birth in two transfers of one
        assertThat(hub).extracting(r -> r.get("dataCategory") + "=" + r.get("records") + " in " + r.get("transfers") + " " + r.get("subjectGroups")
                + " not said by " + r.get("aboutNotStatedBy"))
            .containsExactly("Name=1550 in 3 [parents] not said by [Listco voters]", "Child's date of birth=1050 in 2 [babies] not said by []",
                    "Address=500 in 1 [] not said by [Listco voters]");
        assertThat(column(run("exposure", Map.of()), "organisation")).containsOnly("Hub Brokers", "Mid Data", "Red Party", "Blue Party");
    }

    @Test
    void enforcementListsTheFineAndTheWarning() {
        var rows = run("enforcement", Map.of("regulator", "reg"));

        assertThat(rows).extracting(r -> List.of(r.get("against"), r.get("kind"), String.valueOf(r.get("amount")), String.valueOf(r.get("date"))))
            .containsExactly(List.of("Kiddo Club", "FINE", "5000.0", "2020-02-01"), List.of("Hub Brokers", "WARNING", "null", "null"));
    }

    @Test
    void timelineOfAnOrganisationAndOfItsWholeCase() {
        var hub = run("timeline", Map.of("organisation", "hub"));
        assertThat(column(hub, "id")).containsExactly("t1", "t4", "t2", "t5", "t7", "t6", "t8", "warn-hub");
        assertThat(hub.getFirst()).containsEntry("date", LocalDate.of(2019, 1, 10)).containsEntry("kind", "TRANSFER")
            .containsEntry("what", "Kiddo Club sent Kiddo members to Hub Brokers (1000 records) for Postal marketing");
        assertThat(hub.get(4)).containsEntry("what", "Hub Brokers sent Listco voters to Red Party for Political campaigning");
        assertThat(hub.getLast()).containsEntry("date", null).containsEntry("what", "Watchdog: warning against Hub Brokers")
            .containsEntry("claimedDates", List.of("2020-03-01", "2O20-03-01"));
        assertThat(column(run("timeline", Map.of("organisation", "hub", "undated", "false")), "id")).doesNotContain("warn-hub");

        var kids = run("timeline", Map.of("organisation", "kids"));
        assertThat(column(kids, "id")).containsExactly("ev-collect", "t1", "fine-kids");
        assertThat(column(kids, "kind")).containsExactly("COLLECTION", "TRANSFER", "ENFORCEMENT");
        assertThat(kids.getLast()).containsEntry("what", "Watchdog: fine against Kiddo Club of 5000 GBP");

        var wholeCase = run("timeline", Map.of("organisation", "kids", "wholeCase", "true"));
        assertThat(column(wholeCase, "id")).containsExactly("ev-collect", "t1", "t4", "t2", "t3", "t5", "t7", "red-mail", "t6",
                "blue-mail", "ev-mid-delete", "t8", "fine-kids", "warn-hub");
    }

    @Test
    void disputedFactsShowEveryClaimSideBySide() {
        var rows = run("disputed-facts", Map.of());

        assertThat(rows).extracting(r -> r.get("fact") + "." + r.get("field") + " = " + r.get("claim"))
            .containsExactly("t1.recordCount = 1000", "t1.recordCount = 1200", "warn-hub.date = 2020-03-01", "warn-hub.date = 2O20-03-01");
        assertThat(column(rows, "recordedValue")).containsExactly("1000", "1000", null, null);
        assertThat(column(rows, "factType")).containsExactly("Transfer", "Transfer", "EnforcementAction", "EnforcementAction");
        assertThat(column(rows, "evidence")).containsExactly(List.of("s1: 1,000 records (s1)"), List.of("s2: 1,200 records (s2)"),
                List.of("s1: warned on 1 March 2020 (s1)"), List.of("s2: warned on 2O20-03-01 (s2)"));
        assertThat(rows.getLast()).containsEntry("claimNote", "letter O for zero");
        assertThat(column(run("disputed-facts", Map.of("kind", "TRANSCRIPTION_ERROR")), "fact")).containsOnly("warn-hub");
    }

    @Test
    void evidenceCoverageFindsSingleSourceFactsAndUncitedSources() {
        var rows = run("evidence-coverage", Map.of());

        assertThat(rows).extracting(r -> r.get("finding") + " " + r.get("type") + " " + r.get("source"))
            .containsExactly("single source Campaign s2", "single source Claim s1", "single source Claim s2", "single source Claim s1",
                    "single source Claim s2", "single source Event s2", "single source Organisation s1", "single source Transfer s1",
                    "uncited source Source s-unused");
        assertThat(rows).filteredOn(r -> !"Claim".equals(r.get("type"))).extracting(r -> r.get("id") + ": " + r.get("fact"))
            .containsExactly("blue-mail: Blue mailing", "ev-mid-delete: Mid Data deletes the Kiddo members it bought.", "lists: Listco",
                    "t3: Mid Data -> Red Party", "s-unused: A report nobody cited");
        assertThat(run("evidence-coverage", Map.of("findings", "uncited source"))).singleElement()
            .satisfies(r -> assertThat(r).containsEntry("id", "s-unused"));
    }
}
