package org.datatrail.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.datatrail.support.DataTrailTest;
import org.datatrail.system.EmbeddedNeo4j;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.neo4j.driver.exceptions.ClientException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * An analyst's own tool on the embedded database: a plain driver, built as an outside client would build it
 * (its own URI, user {@code neo4j}, the password the operator configured), runs the two example queries the
 * README gives for the seed case, taken from the README itself so the documentation cannot drift.
 */
@DataTrailTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "spring.neo4j.authentication.password=" + AnalystBoltClientIntegrationTests.PASSWORD)
class AnalystBoltClientIntegrationTests {

    static final String PASSWORD = "analysts-own-password-42";

    @Autowired
    EmbeddedNeo4j embedded;

    @Test
    void theReadmeQueriesRunOverBoltWithTheConfiguredPassword() throws IOException {
        List<String> queries = readmeQueries();
        assertThat(queries).hasSize(2);

        try (Driver analyst = GraphDatabase.driver("bolt://127.0.0.1:" + embedded.boltUri().getPort(), AuthTokens.basic("neo4j", PASSWORD))) {
            List<Record> passedOn = analyst.executableQuery(queries.get(0)).execute().records();
            assertThat(passedOn).singleElement().satisfies(r -> {
                assertThat(r.get("r.name").asString()).isEqualTo("Experian Marketing Services");
                assertThat(r.get("t.date").asLocalDate()).isEqualTo(LocalDate.of(2017, 5, 5));
                assertThat(r.get("t.recordCount").asLong()).isEqualTo(1_000_000L);
                assertThat(r.get("t.recordCountIsLowerBound").asBoolean()).isTrue();
                assertThat(r.get("purposes").asList()).containsExactly("Political campaigning");
            });

            List<Record> claims = analyst.executableQuery(queries.get(1)).execute().records();
            assertThat(claims).extracting(r -> r.get("c.value").asString())
                .contains("7,065,220 records", "one million people", "more than 1m records");
            assertThat(claims).allSatisfy(r -> assertThat(r.get("e.quote").asString()).isNotBlank());

            // Community gives every Bolt user full rights, but not the server's files: LOAD CSV from file URLs is off.
            assertThatThrownBy(() -> analyst.executableQuery("LOAD CSV FROM 'file:///etc/hostname' AS row RETURN row").execute())
                .isInstanceOf(ClientException.class).hasMessageContaining("file");
        }
        try (Driver stranger = GraphDatabase.driver(embedded.boltUri(), AuthTokens.basic("neo4j", "not-the-password"))) {
            assertThatThrownBy(stranger::verifyConnectivity).isInstanceOf(AuthenticationException.class);
        }
    }

    /** The statements of the README's "Two questions on the seed case" block. */
    static List<String> readmeQueries() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```cypher", readme.indexOf("Two questions on the seed case"));
        String block = readme.substring(start + "```cypher".length(), readme.indexOf("```", start + 3));
        return Arrays.stream(block.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
