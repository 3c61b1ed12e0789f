package org.datatrail.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * What a report's output says about itself, read back by the parsers an analyst would use: every shipped report in
 * every format is a whole, parseable answer with the rows the report has; one cut by the row limit says so; one that
 * fails after its first rows were written can never pass for a whole report.
 */
class ReportOutputIntegrationTests {

    static TestDatabase db;
    static ReportRunner runner;
    static ReportCatalog catalog;

    @BeforeAll
    static void seed() {
        db = TestDatabase.start();
        SchemaMigrations.fromClasspath(db.driver()).migrate();
        new SeedLoader(new FactIngest(db.driver())).load("classpath:seed/");
        catalog = new ReportCatalog(db.driver());
        runner = new ReportRunner(db.driver(), catalog, java.time.Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

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
        assertThat(catalog.all()).extracting(Report::name).contains(name);
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
