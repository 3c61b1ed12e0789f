package org.datatrail.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.datatrail.support.DataTrailTest;
import org.datatrail.support.DataTrailTest.Seed;
import org.datatrail.support.TestDatabase;
import org.datatrail.support.Testers;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Hostile strings through every argument that reaches Cypher: the graph is unchanged and each answer is
 * either sane (nothing found) or a clean GraphQL error, never a 500 or a stack trace.
 */
@DataTrailTest(seed = Seed.SMALL, writes = true)
class InjectionIntegrationTests {

    static final List<String> HOSTILE = List.of(
            "'", "\"", "\\", "x' OR 1=1 //", "supplier'}) DETACH DELETE n //", "}) DETACH DELETE n RETURN 1 //",
            "\" } MATCH (n) DETACH DELETE n //", "supplier\u0000", "supp\u200Blier", "ＳＵＰＰＬＩＥＲ", "supplier\u202E",
            "*", "~", "AND OR NOT", "title:(a OR b)^9", "x".repeat(10_000), "$from", "`id`");

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Test
    void everyReadArgumentIsAParameter() {
        HttpGraphQlTester graphQl = Testers.graphQl(port);
        String before = snapshot();
        for (String value : HOSTILE) {
            assertCleanOrEmpty(graphQl.document("query($v: String!) { search(text: $v) { id } }").variable("v", value).execute().returnResponse(), value);
            assertCleanOrEmpty(graphQl.document("query($v: ID!) { organisation(id: $v) { id } transfer(id: $v) { id } dataset(id: $v) { id } }")
                .variable("v", value).execute().returnResponse(), value);
            for (String field : List.of("traceFlows(from: $v, to: $v, dataCategory: $w, purpose: $v)", "upstream(to: $v)",
                    "shortestFlow(between: $v, and: $v)")) {
                assertCleanOrEmpty(graphQl.document("query($v: ID!, $w: String) { " + field + " { hops } }").variable("v", value)
                    .variable("w", value).execute().returnResponse(), value);
            }
            assertCleanOrEmpty(graphQl.document("query($v: String) { traceFlows(from: \"supplier\", after: $v) { hops } }")
                .variable("v", value).execute().returnResponse(), value);
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void everyMutationFieldIsAParameter() {
        HttpGraphQlTester graphQl = Testers.graphQl(port, Testers.INVESTIGATOR_TOKEN);
        long organisations = count("Organisation");
        for (String value : HOSTILE) {
            // ids are checked against the id pattern before anything runs: refused cleanly
            assertCleanOrEmpty(graphQl.documentName("recordTransfer").variable("input", Map.of("id", value, "from", value, "to", "party",
                    "dataset", value, "purposes", List.of(value), "evidence", List.of(Map.of("source", value, "quote", value))))
                .execute().returnResponse(), value);
        }
        // free text is stored as given, verbatim, and nothing else happens
        String name = "Robert'); DETACH DELETE (n) // \"}) MATCH (m) DELETE m";
        graphQl.documentName("recordOrganisation")
            .variable("input", Map.of("id", "bobby-tables", "name", name, "types", List.of("OTHER"),
                    "evidence", List.of(Map.of("source", "src-a", "quote", "}) DETACH DELETE n //"))))
            .execute()
            .path("recordOrganisation.name").entity(String.class).isEqualTo(name);
        assertThat(count("Organisation")).isEqualTo(organisations + 1);
    }

    private static void assertCleanOrEmpty(org.springframework.graphql.GraphQlResponse response, String value) {
        String why = "answer to " + (value.length() > 40 ? value.substring(0, 40) + "..." : value);
        // either data, or errors (a refused non-null root field leaves data null): never neither
        assertThat(response.isValid() || !response.getErrors().isEmpty()).as(why).isTrue();
        response.getErrors().forEach(error -> {
            assertThat(error.getMessage()).as(why).doesNotContain("Exception", "at org.", "Neo.ClientError");
            assertThat(String.valueOf(error.getErrorType())).as(why)
                .isIn("BAD_REQUEST", "NOT_FOUND", "ValidationError", "InvalidSyntax");
        });
    }

    private long count(String label) {
        return driver.executableQuery("MATCH (n) WHERE $label IN labels(n) RETURN count(n) AS n").withParameters(Map.of("label", label))
            .execute().records().getFirst().get("n").asLong();
    }

    private String snapshot() {
        return TestDatabase.snapshot(driver).toString();
    }
}
