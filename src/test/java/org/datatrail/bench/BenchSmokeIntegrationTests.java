package org.datatrail.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.datatrail.generate.NetworkGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/**
 * The benchmark's smoke run in CI: size XS, a few iterations. It checks that every measurement is made and
 * that GraphQL and the raw statement give the same answers; it never fails on speed.
 */
class BenchSmokeIntegrationTests {

    @Test
    void theBenchmarkRunsEndToEndAndBothWaysAgree(@TempDir Path work) {
        JsonNode report = Benchmark.run(NetworkGenerator.Size.XS, 42, 5, java.time.Duration.ZERO, work.resolve("network"), work.resolve("db"), true, List.of(), 500);

        assertThat(report.get("import").get("relationshipsCreated").asLong()).isGreaterThan(8_000);
        assertThat(report.get("series").valueStream().map(s -> s.get("scenario").asString()).distinct())
            .containsExactly("traceFlows maxHops 2", "traceFlows maxHops 4", "traceFlows maxHops 6", "traceFlows maxHops 4 toType POLITICAL_PARTY",
                    "upstream maxHops 4", "traceDataset maxHops 4", "search", "organisation lookup");
        assertThat(report.get("series")).allSatisfy(s -> assertThat(s.get("samples").asInt()).isEqualTo(5));
        // each request is timed three ways: GraphQL with the lean client the ratio uses, GraphQL with java.net.http, raw Cypher
        assertThat(report.get("series").valueStream().filter(s -> s.get("scenario").asString().equals("search")).map(s -> s.get("via").asString()))
            .containsExactly("GraphQL over HTTP", "GraphQL over HTTP, java.net.http client", "Cypher on the driver");
        // with no warm-up time, each scenario still runs a few untimed requests before it is measured
        assertThat(report.get("warmUpRequestsPerScenario").valueStream().map(JsonNode::asInt)).hasSize(8).containsOnly(5);
        assertThat(report.get("failures").valueStream().map(JsonNode::asLong)).containsOnly(0L);
        // where each GraphQL request's time goes: every stage measured for every scenario, none negative, and the
        // data fetcher (which runs the statement) a real part of it
        assertThat(report.get("graphQlStagesP50").properties()).hasSize(8).allSatisfy(e -> {
            assertThat(e.getValue().properties()).as(e.getKey()).extracting(Map.Entry::getKey).containsExactly("request to server",
                    "Security, MVC, GraphQL handler", "graphql-java to the data fetcher", "data fetcher (statement, mapping, consent)",
                    "completion and response", "answer to client");
            assertThat(e.getValue().valueStream().map(JsonNode::asDouble)).as(e.getKey()).allSatisfy(ms -> assertThat(ms).isNotNegative());
            assertThat(e.getValue().get("data fetcher (statement, mapping, consent)").asDouble()).as(e.getKey()).isPositive();
        });
        assertThat(BenchmarkMarkdown.of(report)).contains("| traceFlows maxHops 4 | ", "Where a GraphQL request's time goes");
        assertThat(report.get("sameAnswer").valueStream().map(JsonNode::asBoolean)).containsOnly(true);
        // every request is one statement, whatever the answer: a trace (all its chain lengths and the check that
        // its organisations exist), a search, a look-up
        var statements = report.get("cypherStatementsPerRequest");
        statements.properties().forEach(e -> assertThat(e.getValue().valueStream().map(JsonNode::asInt)).as(e.getKey()).containsExactly(1));
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
}
