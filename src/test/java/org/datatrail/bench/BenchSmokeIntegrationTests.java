package org.datatrail.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.datatrail.generate.NetworkGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's smoke run in CI: size XS with a few generated documents, a few iterations. It checks that every
 * measurement is made and that GraphQL and the raw statement give the same answers; it never fails on speed.
 */
// alone: its app has the served timeouts (30 s), which a cold trace plan can pass while another class shares the cores
@Isolated
class BenchSmokeIntegrationTests {

    @TempDir
    static Path work;

    static JsonNode report;

    static int exitCode;

    /** What the run wrote to standard output. */
    static String standardOutput;

    @BeforeAll
    static void run() throws IOException {
        // as the command runs it, with 40 generated documents, and a 300 KB PDF that 100 quotes cite (the command's
        // are 5 MB and 1,000); standard output captured (this class runs alone), standard error left as it is
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exitCode = Benchmark.runAndPublish(() -> Benchmark.run(NetworkGenerator.Size.XS, 42, 5, java.time.Duration.ZERO, work.resolve("network"),
                    work.resolve("db"), true, List.of(), new Benchmark.Options(500, 40, 300_000, 100)), work.resolve("bench.json"), null);
        }
        finally {
            System.setOut(stdout);
        }
        standardOutput = captured.toString(StandardCharsets.UTF_8);
        report = JsonMapper.builder().build().readTree(Files.readString(work.resolve("bench.json")));
    }

    /** {@code bench > results.md} is the table: progress and logs go to standard error. */
    @Test
    void standardOutputIsTheMarkdownTableAlone() {
        assertThat(exitCode).isZero();
        assertThat(standardOutput).isEqualTo(BenchmarkMarkdown.of(report)).startsWith("### Size XS (");
    }

    @Test
    void theBenchmarkRunsEndToEndAndBothWaysAgree() {

        assertThat(report.get("import").get("relationshipsCreated").asLong()).isGreaterThan(8_000);
        assertThat(report.get("series").valueStream().map(s -> s.get("scenario").asString()).distinct())
            .containsExactly("traceFlows maxHops 2", "traceFlows maxHops 4", "traceFlows maxHops 6", "traceFlows maxHops 4 toType POLITICAL_PARTY",
                    "upstream maxHops 4", "traceDataset maxHops 4", "search", "organisation lookup", "searchDocuments organisation name",
                    "searchDocuments two words");
        assertThat(report.get("series")).allSatisfy(s -> assertThat(s.get("samples").asInt()).isEqualTo(5));
        // each request is timed three ways: GraphQL with the lean client the ratio uses, GraphQL with java.net.http, raw Cypher
        assertThat(report.get("series").valueStream().filter(s -> s.get("scenario").asString().equals("search")).map(s -> s.get("via").asString()))
            .containsExactly("GraphQL over HTTP", "GraphQL over HTTP, java.net.http client", "Cypher on the driver");
        // with no warm-up time, each scenario still runs a few untimed requests before it is measured
        assertThat(report.get("warmUpRequestsPerScenario").valueStream().map(JsonNode::asInt)).hasSize(10).containsOnly(5);
        assertThat(report.get("failures").valueStream().map(JsonNode::asLong)).containsOnly(0L);
        // where each GraphQL request's time goes: every stage measured for every scenario, none negative, and the
        // data fetcher (which runs the statement) a real part of it
        assertThat(report.get("graphQlStagesP50").properties()).hasSize(10).allSatisfy(e -> {
            assertThat(e.getValue().properties()).as(e.getKey()).extracting(Map.Entry::getKey).containsExactly("request to server",
                    "Security, MVC, GraphQL handler", "graphql-java to the data fetcher", "data fetcher (statement, mapping, consent)",
                    "completion and response", "answer to client");
            assertThat(e.getValue().valueStream().map(JsonNode::asDouble)).as(e.getKey()).allSatisfy(ms -> assertThat(ms).isNotNegative());
            assertThat(e.getValue().get("data fetcher (statement, mapping, consent)").asDouble()).as(e.getKey()).isPositive();
        });
        assertThat(BenchmarkMarkdown.of(report)).contains("| traceFlows maxHops 4 | ", "Where a GraphQL request's time goes");
        assertThat(report.get("sameAnswer").valueStream().map(JsonNode::asBoolean)).as("%s; failures: %s", report.get("sameAnswer"),
                report.get("failureSamples")).containsOnly(true);
        // every request is one statement, whatever the answer: a trace (all its chain lengths and the check that
        // its organisations exist), a search, a look-up, a document search (its passages' sources and stored mentions)
        var statements = report.get("cypherStatementsPerRequest");
        assertThat(statements.properties()).anyMatch(e -> e.getKey().startsWith("searchDocuments"));
        statements.properties()
            .forEach(e -> assertThat(e.getValue().valueStream().map(JsonNode::asInt)).as(e.getKey()).containsExactly(1));
        assertThat(report.get("profiles")).isNotEmpty().allSatisfy(p -> assertThat(p.get("dbHits").asLong()).isPositive());
        // the lineage rule prunes: fewer chains follow the data than connect the organisations, and some still run on
        JsonNode pruning = report.get("lineagePruning");
        assertThat(pruning.get("suppliers").asInt()).isPositive();
        assertThat(pruning.get("dataChains").asLong()).isGreaterThanOrEqualTo(pruning.get("suppliers").asLong())
            .isLessThan(pruning.get("connectionChains").asLong());
        assertThat(pruning.get("suppliersWhoseDataMovedOn").asInt()).isPositive()
            .isLessThanOrEqualTo(pruning.get("suppliersWithOnwardConnections").asInt());
        assertThat(BenchmarkMarkdown.of(report)).contains("What the lineage rule prunes", "| traceDataset maxHops 4 | ");
        assertThat(report.get("profiles").properties()).anyMatch(e -> e.getKey().startsWith("traceDataset maxHops 4 from "));
        assertThat(report.get("memoryAfterQueries").get("rssMB").asLong()).isPositive();
    }

    /**
     * The documents part: the generated documents attached through the upload's path with every quote found, a
     * journalist's search for an organisation's name finds passages that mention it, and the PDF's attach re-checks
     * every quote citing its source.
     */
    @Test
    void withDocumentsTheySearchAndAPdfIsAttached() {
        JsonNode attached = report.get("documentAttach");
        assertThat(attached.get("attached").asInt()).isEqualTo(40);
        assertThat(attached.get("quotesChecked").asLong()).isGreaterThan(40 * 20);
        assertThat(attached.get("quotesNotFound").asLong()).isZero();
        assertThat(attached.get("passages").asLong()).isGreaterThan(40 * 8);
        assertThat(attached.get("publicDocuments").asLong()).isBetween(20L, 39L);

        JsonNode sample = report.get("documentSearchSample");
        assertThat(sample.get("passages").asInt()).isPositive();
        assertThat(sample.get("mentioningTheOrganisation").asLong()).as("passages mentioning %s", sample.get("text").asString()).isPositive();
        assertThat(sample.get("highlights").asInt()).isGreaterThanOrEqualTo(sample.get("passages").asInt());
        assertThat(report.get("sameAnswer").get("searchDocuments two words").asBoolean()).isTrue();

        JsonNode pdf = report.get("pdfAttach");
        assertThat(pdf.get("bytes").asLong()).isBetween(200_000L, 400_000L);
        assertThat(pdf.get("quotesChecked").asInt()).isEqualTo(100);
        assertThat(pdf.get("quotesNotFound").asInt()).isZero();
        assertThat(pdf.get("quotesLocatedInMemory").asInt()).isEqualTo(100);
        assertThat(pdf.get("changed").asBoolean()).isTrue();
        assertThat(pdf.get("sameUploadAgainChanged").asBoolean()).isFalse();
        assertThat(pdf.get("seconds").asDouble()).isPositive();
        assertThat(BenchmarkMarkdown.of(report)).contains("| searchDocuments organisation name | ", "quotes checked against them, 0 not found",
                "attached to a source that 100 quotes cite");
    }
}
