package org.datatrail.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.datatrail.report.ReportRows.column;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.datatrail.ingest.FactIngest;
import org.datatrail.ingest.SeedLoader;
import org.datatrail.support.TestDatabase;
import org.datatrail.system.SchemaMigrations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.neo4j.driver.exceptions.ClientException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

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
        // whom each category is about, as the registrations' quotes pair them: a mother's date of birth is about the
        // mothers, not "about children under 5" (crossed, every row would hold both groups)
        assertThat(rows).extracting(r -> r.get("dataCategory") + ": " + r.get("subjectGroupsAre")).containsExactlyInAnyOrder(
                "Name of parent: exactly new and expectant mothers", "Household address: exactly new and expectant mothers",
                "Date of birth of mother: exactly new and expectant mothers", "Date of birth of child: exactly children under 5",
                "Presence of children up to 5 years old: exactly children under 5",
                "Number of children under five in the home: exactly children under 5");
        assertThat(rows).filteredOn(r -> Boolean.TRUE.equals(r.get("concernsChildren"))).extracting(r -> r.get("subjectGroups"))
            .containsOnly(List.of("children under 5"));
        assertThat(column(rows, "aboutNotStatedBy")).containsOnly(List.of());
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

    // What a report's output says about itself, read back by the parsers an analyst would use: every shipped report in
    // every format is a whole, parseable answer with the rows the report has; one cut by the row limit says so; one that
    // fails after its first rows were written can never pass for a whole report.

    /** Every shipped report, with the one parameter a report needs (timeline's organisation), in every format. */
    static Stream<Arguments> everyReportInEveryFormat() {
        return Stream.of("broker-hubs", "childrens-data", "consent-gaps", "disputed-facts", "enforcement", "evidence-coverage", "exposure",
                "timeline", "unlinked-mentions", "who-fed-a-party")
            .flatMap(name -> Arrays.stream(ReportFormat.values()).map(format -> Arguments.of(name, format)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyReportInEveryFormat")
    void everyReportInEveryFormatParsesBackToItsRowsAndSaysItIsWhole(String name, ReportFormat format) {
        Map<String, String> parameters = name.equals("timeline") ? Map.of("organisation", "lifecycle-marketing") : Map.of();
        ReportRunner.Result expected = runner.run(name, parameters, 1000);
        assertThat(runner.report(name).name()).isEqualTo(name);
        assertThat(expected.truncated()).isFalse();

        String text = write(name, parameters, 1000, format);

        switch (format) {
            case CSV -> {
                List<List<String>> lines = csv(text);
                assertThat(lines.getFirst()).isEqualTo(expected.columns());
                assertThat(lines).hasSize(expected.rows().size() + 1);
                assertThat(text).doesNotContain(ReportFormat.CSV_TRUNCATED, ReportFormat.CSV_FAILED);
            }
            case JSON -> {
                JsonNode json = JsonMapper.builder().build().readTree(text);
                assertThat(json.get("truncated").asBoolean()).isFalse();
                assertThat(json.get("rows").size()).isEqualTo(expected.rows().size());
                assertThat(json.get("columns").valueStream().map(JsonNode::asString)).containsExactlyElementsOf(expected.columns());
                json.get("rows").forEach(row -> assertThat(row.propertyNames()).containsExactlyElementsOf(expected.columns()));
            }
            case MD -> {
                List<String> lines = text.lines().toList();
                assertThat(lines).hasSize(expected.rows().size() + 2).allSatisfy(l -> assertThat(l).startsWith("| ").endsWith(" |"));
                assertThat(lines.getFirst()).isEqualTo("| " + String.join(" | ", expected.columns()) + " |");
            }
        }
    }

    @Test
    void aReportCutByTheRowLimitSaysSoInEveryFormat() {
        ReportRunner.Result whole = runner.run("consent-gaps", Map.of(), 1000);
        assertThat(whole.rows()).hasSizeGreaterThan(2);

        String csv = write("consent-gaps", Map.of(), 2, ReportFormat.CSV);
        assertThat(csv).endsWith(ReportFormat.CSV_TRUNCATED + "\r\n");
        // a reader that skips comment lines gets the header and the two rows
        assertThat(csv(csv)).hasSize(3);

        JsonNode json = JsonMapper.builder().build().readTree(write("consent-gaps", Map.of(), 2, ReportFormat.JSON));
        assertThat(json.get("truncated").asBoolean()).isTrue();
        assertThat(json.get("rows").size()).isEqualTo(2);

        assertThat(write("consent-gaps", Map.of(), 2, ReportFormat.MD)).endsWith("| (more rows: the row limit cut the report short) |\n");
        assertThat(runner.run("consent-gaps", Map.of(), 2).truncated()).isTrue();
    }

    /** Division by zero at the 2,000th row: the first thousand have been handed on (the driver fetches 1,000 at a time). */
    static final Report FAILS_MID_STREAM = ReportFiles.parse("fails-mid-stream.cypher", """
            // title: Fails mid-stream
            // answers: Nothing: it divides by zero at its 2,000th row.
            UNWIND range(1, 3000) AS i
            RETURN i, 1 / (2000 - i) AS x
            """);

    @Test
    void aReportThatFailsAfterItsFirstRowsCannotPassForAWholeOne() {
        // CSV: the rows so far, then a comment line saying it failed, in words (no library's exception text)
        String csv = failing(ReportFormat.CSV);
        assertThat(csv.lines().count()).isGreaterThan(1000);
        String last = csv.lines().reduce((a, b) -> b).orElseThrow();
        assertThat(last).isEqualTo(ReportFormat.CSV_FAILED + " the database stopped the report (Neo.ClientError.Statement.ArithmeticError)");

        // JSON: no reader accepts it
        String json = failing(ReportFormat.JSON);
        assertThat(json).contains("\"error\":\"the database stopped the report");
        assertThatThrownBy(() -> JsonMapper.builder().build().readTree(json)).isInstanceOf(JacksonException.class);

        // Markdown: its last line says the rows above are not all of it
        assertThat(failing(ReportFormat.MD).lines().reduce((a, b) -> b).orElseThrow())
            .startsWith("| (the report failed here, so the rows above are not all of it: the database stopped the report");
    }

    /** The output of {@link #FAILS_MID_STREAM} in {@code format}, after checking that the run threw. */
    private static String failing(ReportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> runner.stream(FAILS_MID_STREAM, Map.of(), 10_000, format.writer(out)))
            .hasMessageContaining("/ by zero");
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String write(String name, Map<String, String> parameters, int maxRows, ReportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        runner.stream(name, parameters, maxRows, format.writer(out));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The lines of a CSV report as an analyst's reader sees them, skipping comment lines ({@code #}). */
    static List<List<String>> csv(String text) {
        List<List<String>> lines = new ArrayList<>();
        var it = new CsvMapper().readerForListOf(String.class).with(CsvSchema.emptySchema().withComments()).with(CsvReadFeature.WRAP_AS_ARRAY)
            .<List<String>>readValues(text);
        it.forEachRemaining(lines::add);
        return lines;
    }
}
