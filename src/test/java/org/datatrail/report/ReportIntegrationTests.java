package org.datatrail.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.datatrail.ingest.FactIngest;
import org.datatrail.ingest.SeedLoader;
import org.datatrail.support.TestDatabase;
import org.datatrail.system.SchemaMigrations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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

    @Test
    void consentGapsFindTheTransferToExperianForPoliticalCampaigning() {
        var result = runner.run("consent-gaps", Map.of("from", "lifecycle-marketing"), 100);

        assertThat(result.columns()).startsWith("transfer", "date", "sender", "receiver", "dataset", "uncoveredPurposes");
        assertThat(result.rows()).hasSize(1);
        assertThat(result.rows().getFirst().get(0)).isEqualTo("transfer-lcmb-to-experian");
        assertThat(result.rows().getFirst().get(5)).isEqualTo(List.of("Political campaigning"));
        assertThat((List<?>) result.rows().getFirst().get(7)).isNotEmpty();
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
