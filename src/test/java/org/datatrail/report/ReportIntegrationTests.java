package org.datatrail.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.datatrail.report.ReportRows.column;

import java.util.List;
import java.util.Map;

import org.datatrail.ingest.FactIngest;
import org.datatrail.ingest.SeedLoader;
import org.datatrail.support.TestDatabase;
import org.datatrail.system.SchemaMigrations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neo4j.driver.exceptions.ClientException;

/** The shipped reports on the seed case, and a report that tries to write. */
class ReportIntegrationTests {

    static TestDatabase db;
    static ReportRunner runner;

    @BeforeAll
    static void seed() {
        db = TestDatabase.start();
        SchemaMigrations.fromClasspath(db.driver()).migrate();
        new SeedLoader(new FactIngest(db.driver())).load("classpath:seed/");
        runner = new ReportRunner(db.driver(), new ReportCatalog(db.driver()), java.time.Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    static List<Map<String, Object>> run(String report, Map<String, String> parameters) {
        return ReportRows.run(runner, report, parameters);
    }

    @Test
    void consentGapsAreBothHopsOfTheEmmasDiaryChainAndLaboursCampaign() {
        var rows = run("consent-gaps", Map.of());

        assertThat(column(rows, "id")).containsExactly("transfer-lcmb-to-experian", "transfer-experian-to-labour",
                "transfer-facebook-to-cambridge-analytica", "labour-2017-direct-mail");
        assertThat(rows.getFirst()).containsEntry("actor", "Lifecycle Marketing (Mother and Baby) Ltd")
            .containsEntry("receiver", "Experian Marketing Services").containsEntry("uncoveredPurposes", List.of("Political campaigning"))
            .containsEntry("consentsApplied", List.of("Emma's Diary privacy policy (as it stood in 2017)"));
        assertThat((List<?>) rows.getFirst().get("evidence")).isNotEmpty();
        assertThat(rows.getLast()).containsEntry("kind", "campaign").containsEntry("actor", "Labour Party");
        assertThat(column(run("consent-gaps", Map.of("from", "lifecycle-marketing")), "id")).containsExactly("transfer-lcmb-to-experian");
    }

    @Test
    void childrensDataReachedLabourAndExperianDeletedItsCopy() {
        var rows = run("childrens-data", Map.of());

        assertThat(rows).singleElement().satisfies(row -> assertThat(row)
            .containsEntry("chain", "Lifecycle Marketing (Mother and Baby) Ltd -> Experian Marketing Services -> Labour Party")
            .containsEntry("transfers", List.of("transfer-lcmb-to-experian", "transfer-experian-to-labour"))
            .containsEntry("childrensData", List.of("Date of birth of child", "Number of children under five in the home",
                    "Presence of children up to 5 years old"))
            .containsEntry("heldNowBy", List.of("Lifecycle Marketing (Mother and Baby) Ltd", "Labour Party"))
            .containsEntry("deletedBy", List.of("Experian Marketing Services")));
    }

    @Test
    void labourWasFedByExperianMarketingServicesAndLifecycleMarketing() {
        var rows = run("who-fed-a-party", Map.of());

        assertThat(rows).extracting(r -> r.get("party") + " <- " + r.get("supplier") + " in " + r.get("hops")).containsExactly(
                "Labour Party <- Experian Marketing Services in 1", "Labour Party <- Lifecycle Marketing (Mother and Baby) Ltd in 2");
        // no source counts what Experian sent Labour: unknown, never 0; a million is the sources' lower bound
        assertThat(column(rows, "recordsSent")).containsExactly(null, 1_000_000L);
        assertThat(column(rows, "recordsSentAre")).containsExactly("unknown: 1 transfer of unknown size",
                "at least 1000000 (a source gives a lower bound)");
        assertThat(column(rows, "recordsArrived")).containsExactly(null, null);
        assertThat(column(rows, "recordsArrivedAre")).containsOnly("unknown: 1 transfer of unknown size");
        assertThat(column(rows, "countsAreLowerBounds")).containsOnly(true);
    }

    @Test
    void exposureOfExperianMarketingServicesIsAMillionRecordsOrMoreOfEachCategory() {
        var rows = run("exposure", Map.of("organisation", "experian-marketing-services"));

        assertThat(column(rows, "records")).containsOnly(1_000_000L);
        assertThat(column(rows, "recordsAre")).containsOnly("at least 1000000 (a source gives a lower bound)");
        assertThat(column(rows, "countIsLowerBound")).containsOnly(true);
        assertThat(rows).filteredOn(r -> Boolean.TRUE.equals(r.get("concernsChildren"))).extracting(r -> r.get("dataCategory"))
            .contains("Date of birth of child");
        // the groups the data is about, beside each category, never crossed with it: a mother's date of birth is not
        // "about children under 5"
        assertThat(column(rows, "subjectGroupsOfTheData")).containsOnly(List.of("children under 5", "new and expectant mothers"));
        assertThat(rows).extracting(r -> r.get("dataCategory")).doesNotHaveDuplicates();
    }

    @Test
    void timelineOfLifecycleMarketingPutsDatedEventsFirstAndShowsTheFinesClaimedDates() {
        var rows = run("timeline", Map.of("organisation", "lifecycle-marketing"));

        assertThat(column(rows, "id")).containsExactly("transfer-lcmb-to-experian", "event-lcmb-letter-to-ico", "event-emmas-diary-collection",
                "ico-fine-lcmb", "ico-notice-of-intent-lcmb", "event-lcmb-statement");
        assertThat(rows.getFirst()).containsEntry("date", java.time.LocalDate.of(2017, 5, 5));
        assertThat(rows.get(3)).containsEntry("what",
                "Information Commissioner's Office: fine against Lifecycle Marketing (Mother and Baby) Ltd of 140000 GBP");
        assertThat((List<?>) rows.get(3).get("claimedDates")).hasSize(2).anySatisfy(d -> assertThat(d).asString().contains("11 July 2018"));
    }

    @Test
    void disputedFactsKeepEveryClaimIncludingTheTranscriptionErrors() {
        var rows = run("disputed-facts", Map.of());

        assertThat(rows.stream().map(r -> r.get("subject")).distinct()).hasSize(9);
        assertThat(rows).filteredOn(r -> "transfer-lcmb-to-experian".equals(r.get("fact")) && "recordCount".equals(r.get("field")))
            .extracting(r -> r.get("claim")).contains("7,065,220 records", "one million people", "more than 1m records");
        assertThat(column(run("disputed-facts", Map.of("kind", "TRANSCRIPTION_ERROR")), "claim"))
            .containsExactlyInAnyOrder("B June 2017", "2AL7", "Experian Marketing Service");
    }

    @Test
    void evidenceCoverageFindsTheLoneFiguresAndNoUncitedSource() {
        var rows = run("evidence-coverage", Map.of());

        assertThat(rows).filteredOn(r -> "Claim".equals(r.get("type"))).extracting(r -> r.get("fact"))
            .contains("Records Lifecycle Marketing supplied to Experian Marketing Services: 7,065,220 records");
        assertThat(rows).filteredOn(r -> !"Claim".equals(r.get("type"))).extracting(r -> r.get("id"))
            .containsExactly("ico-fine-facebook", "event-scl-owed-tweekaboo", "scl-commercial", "tweekaboo");
        assertThat(run("evidence-coverage", Map.of("findings", "uncited source"))).isEmpty();
    }

    @Test
    void enforcementListsTheFine() {
        var result = runner.run("enforcement", Map.of("regulator", "ico"), 100);

        assertThat(result.rows()).anySatisfy(row -> assertThat(row.subList(1, 5))
            .containsExactly("Lifecycle Marketing (Mother and Baby) Ltd", "FINE", 140000.0, "GBP"));
    }

    @Test
    void brokerHubsRankOnwardTransfersAndTheRowLimitHolds() {
        var result = runner.run("broker-hubs", Map.of("top", "5"), 100);

        assertThat(result.rows().getFirst().getFirst()).isEqualTo("Experian Marketing Services");
        assertThat(runner.run("consent-gaps", Map.of(), 1).truncated()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "CREATE (o:Organisation {id: 'sneaky'}) RETURN o.id",
        "MERGE (o:Organisation {id: 'sneaky'}) RETURN o.id",
        "MATCH (o:Organisation {id: 'ico'}) SET o.name = 'x' RETURN o.id",
        "MATCH (o:Organisation {id: 'tweekaboo'}) DETACH DELETE o RETURN 1 AS gone",
        "MATCH (o:Organisation {id: 'ico'}) REMOVE o.name RETURN o.id",
        "CALL db.createLabel('Sneaky')",
        "CALL db.createProperty('sneaky')",
    })
    void everyKindOfWriteInAReportFileIsRefusedAndTheGraphIsUnchanged(String query) {
        var before = db.snapshot();
        var catalog = new ReportCatalog(db.driver(), Map.of("cypher/reports/sneaky.cypher", "// title: Sneaky\n// answers: Nothing good.\n" + query));
        var writer = new ReportRunner(db.driver(), catalog, java.time.Duration.ofSeconds(30));

        assertThatThrownBy(() -> writer.run("sneaky", Map.of(), 10)).isInstanceOf(ClientException.class)
            .satisfies(e -> assertThat(((ClientException) e).code()).isEqualTo("Neo.ClientError.Statement.AccessMode"));
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RETURN row", "CREATE (o:Organisation {id: row[0]}) RETURN o.id"})
    void aReportWithLoadCsvIsRefusedByTheCatalogBecauseReadModeWouldStillLetItReadFiles(String rest) {
        var before = db.snapshot();
        var catalog = new ReportCatalog(db.driver(), Map.of("cypher/reports/loader.cypher",
                "// title: Loader\n// answers: Nothing good.\nWITH 1 AS x\nLOAD CSV FROM 'file:///etc/hostname' AS row\n" + rest));

        assertThat(catalog.find("loader")).isEmpty();
        assertThat(catalog.refused()).containsExactly("cypher/reports/loader.cypher:4: reports read the graph only; "
                + "LOAD CSV reads files or URLs and is not allowed in a report");
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void aReportThatWritesIsRefusedByTheDatabaseAndAnUnparsableOneByItsLine() {
        var before = db.snapshot();
        var catalog = new ReportCatalog(db.driver(), Map.of(
                "cypher/reports/sneaky.cypher", "// title: Sneaky\n// answers: Nothing good.\nMATCH (o:Organisation) SET o.name = 'x' RETURN o.id",
                "cypher/reports/broken.cypher", "// title: Broken\n// answers: Nothing.\nMATCH (o:Organisation)\nRETRUN o"));
        var writer = new ReportRunner(db.driver(), catalog, java.time.Duration.ofSeconds(30));

        assertThatThrownBy(() -> writer.run("sneaky", Map.of(), 10)).isInstanceOf(ClientException.class)
            .satisfies(e -> assertThat(((ClientException) e).code()).isEqualTo("Neo.ClientError.Statement.AccessMode"));
        assertThat(catalog.refused()).singleElement().asString().startsWith("cypher/reports/broken.cypher:4: the query does not parse");
        assertThat(db.snapshot()).isEqualTo(before);
    }
}
