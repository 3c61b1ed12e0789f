package org.datatrail.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.datatrail.support.DataTrailTest;
import org.datatrail.support.DataTrailTest.Seed;
import org.datatrail.support.TestDatabase;
import org.datatrail.support.Testers;
import org.datatrail.system.GraphReads;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.ClientException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Roles against a real database: journalists cannot write, a bad token is 401, reads cannot write even by mistake. */
@DataTrailTest(seed = Seed.SMALL, writes = true)
class SecurityIntegrationTests {

    static final Map<String, Object> ORGANISATION = Map.of("id", "journalists-org", "name", "Should Not Exist", "types", List.of("OTHER"),
            "evidence", List.of(Map.of("source", "src-a", "quote", "never")));

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Autowired
    GraphReads reads;

    @Test
    void aJournalistsMutationIsForbiddenAndTheGraphIsUnchanged() {
        String before = snapshot();
        for (String token : new String[] { null, Testers.ANALYST_TOKEN }) {
            Testers.graphQl(port, token).documentName("recordOrganisation").variable("input", ORGANISATION).execute().errors().satisfy(errors -> {
                assertThat(errors).hasSize(1);
                assertThat(errors.getFirst().getErrorType().toString()).isEqualTo("FORBIDDEN");
                assertThat(errors.getFirst().getMessage()).contains("recording findings needs an INVESTIGATOR or ADMIN token");
            });
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aBadTokenIsRefusedNeverDowngraded() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        client.post().uri("/graphql").header("Authorization", "Bearer not-a-configured-token")
            .header("Content-Type", "application/json").bodyValue("{\"query\":\"{ __typename }\"}")
            .exchange().expectStatus().isUnauthorized().expectBody().jsonPath("$.message").isEqualTo("Unknown or revoked token");
        client.post().uri("/graphql").header("Authorization", "Basic abc")
            .header("Content-Type", "application/json").bodyValue("{\"query\":\"{ __typename }\"}")
            .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aWriteSlippedIntoTheReadPathIsRefusedByTheDatabase() {
        String before = snapshot();

        assertThatThrownBy(() -> reads.rows("CREATE (:Intruder {name: 'x'}) RETURN 1", Map.of()))
            .isInstanceOf(ClientException.class)
            .satisfies(e -> assertThat(((ClientException) e).code()).isEqualTo("Neo.ClientError.Statement.AccessMode"));
        assertThatThrownBy(() -> reads.rows("MATCH (o:Organisation) DETACH DELETE o", Map.of()))
            .isInstanceOf(ClientException.class);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aRunawayReadIsKilledByTheDatabaseAtTheQueryTimeout(@Autowired org.neo4j.ogm.session.SessionFactory sessions) {
        var impatient = new GraphReads(driver, sessions, java.time.Duration.ofMillis(200));
        long start = System.nanoTime();

        assertThatThrownBy(() -> impatient.rows("UNWIND range(1, 1000000000) AS x RETURN count(x) AS n", Map.of()))
            .isInstanceOf(org.neo4j.driver.exceptions.Neo4jException.class)
            .satisfies(e -> assertThat(((org.neo4j.driver.exceptions.Neo4jException) e).code()).contains("TransactionTimedOut"));
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).as("stopped, not run to the end").isLessThan(java.time.Duration.ofSeconds(20));
    }

    @Test
    void theAuditTrailSaysWhoRecordedAFindingAndJournalistsCannotReadIt() {
        var investigator = Testers.graphQl(port, Testers.INVESTIGATOR_TOKEN);
        investigator.documentName("recordOrganisation")
            .variable("input", Map.of("id", "audited-org", "name", "Audited Ltd", "types", List.of("OTHER"),
                    "evidence", List.of(Map.of("source", "src-a", "quote", "Audited Ltd exists"))))
            .execute().path("recordOrganisation.id").entity(String.class).isEqualTo("audited-org");

        investigator.document("{ auditTrail(factId: \"audited-org\") { role tokenLabel operation recordIds input nodesCreated } }").execute()
            .path("auditTrail[0].role").entity(String.class).isEqualTo("INVESTIGATOR")
            .path("auditTrail[0].tokenLabel").entity(String.class).isEqualTo("alice")
            .path("auditTrail[0].operation").entity(String.class).isEqualTo("mutation recordOrganisation")
            .path("auditTrail[0].recordIds").entityList(String.class).containsExactly("audited-org")
            .path("auditTrail[0].input").entity(String.class).satisfies(json -> assertThat(json).contains("Audited Ltd").doesNotContain(Testers.INVESTIGATOR_TOKEN));
        investigator.document("{ auditTrail { tokenLabel } }").execute()
            .path("auditTrail[*].tokenLabel").entityList(String.class).contains("alice", "system:seed src/test/resources/facts/small");

        Testers.graphQl(port).document("{ auditTrail { tokenLabel } }").execute().errors()
            .satisfy(errors -> assertThat(errors.getFirst().getErrorType().toString()).isEqualTo("FORBIDDEN"));
    }

    /** Node and relationship counts and a checksum of every property. */
    private String snapshot() {
        return TestDatabase.snapshot(driver).toString();
    }
}
