package org.datatrail.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.datatrail.support.DataTrailTest;
import org.datatrail.support.Testers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The organisations a passage mentions are found when its document is attached and stored; they stay right when an
 * organisation is recorded after the document, renamed or given an alias, and agree with what attaching the document
 * again finds.
 */
@DataTrailTest(writes = true)
class PassageMentionsIntegrationTests {

    /** One passage naming Experian (seed), then two organisations not yet recorded, one of them twice. */
    static final String MEMO = "Experian sold the list to Quarry Leads, who passed it to Northwind Lists Ltd; Quarry Leads kept a copy.";

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    HttpGraphQlTester investigator;
    WebTestClient web;

    @BeforeEach
    void clients() {
        investigator = Testers.graphQl(port, Testers.INVESTIGATOR_TOKEN);
        web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60))
            .defaultHeader("Authorization", "Bearer " + Testers.INVESTIGATOR_TOKEN).build();
    }

    @Test
    void mentionsFollowOrganisationsRecordedAndRenamedAfterTheDocument() {
        investigator.documentName("recordSource").variable("input", Map.of("id", "memo-mentions", "title", "A memo", "public", true)).execute()
            .errors().verify();
        web.post().uri("/sources/memo-mentions/document").header("Content-Type", "text/plain").bodyValue(MEMO.getBytes(StandardCharsets.UTF_8))
            .exchange().expectStatus().isCreated();
        assertThat(mentions()).containsExactly("experian");

        // recorded after the attach: found in the stored passage, in the order the passage names them
        record("northwind", "Northwind Lists Ltd", List.of(), "passed it to Northwind Lists Ltd");
        record("quarry", "Quarry Data Group", List.of("Quarry Leads"), "Quarry Leads kept a copy");
        assertThat(mentions()).containsExactly("experian", "quarry", "northwind");
        assertThat(unlinked()).containsExactly("experian");

        // renamed: the old names' mentions go; an alias the passage holds earlier moves it forward
        record("northwind", "Northwind Holdings", List.of("Experian sold"), "passed it to Northwind Lists Ltd");
        record("quarry", "Quarry Data Group", List.of(), "Quarry Leads kept a copy");
        assertThat(mentions()).containsExactly("experian", "northwind");

        // what the write path stored is what an attach of the same text finds
        List<Map<String, Object>> stored = links();
        web.post().uri("/sources/memo-mentions/document").header("Content-Type", "text/plain")
            .bodyValue((MEMO + "\n").getBytes(StandardCharsets.UTF_8)).exchange().expectStatus().isCreated();
        assertThat(links()).isEqualTo(stored).hasSize(2);
    }

    private void record(String id, String name, List<String> aliases, String quote) {
        investigator.documentName("recordOrganisation").variable("input", Map.of("id", id, "name", name, "aliases", aliases, "types", List.of("OTHER"),
                "evidence", List.of(Map.of("source", "memo-mentions", "quote", quote)))).execute().errors().verify();
    }

    private List<String> mentions() {
        return investigator.documentName("documents").operationName("searchDocuments").variable("text", "copy").execute()
            .path("searchDocuments[?(@.source.id == 'memo-mentions')].mentions[*].id").entityList(String.class).get();
    }

    /** The report's leads for the memo: what it names that no fact citing it is about. */
    private List<String> unlinked() {
        return ((List<?>) web.get().uri("/reports/unlinked-mentions?source=memo-mentions&format=json").exchange().expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody().get("rows")).stream().map(r -> (String) ((Map<?, ?>) r).get("organisation")).toList();
    }

    private List<Map<String, Object>> links() {
        try (var session = driver.session()) {
            return session.run("""
                    MATCH (:Document {source: 'memo-mentions'})-[:HAS_PASSAGE]->(p)-[m:MENTIONS]->(o)
                    RETURN p.start AS start, o.id AS organisation, m.at AS at ORDER BY start, at, organisation""").list(r -> r.asMap());
        }
    }
}
