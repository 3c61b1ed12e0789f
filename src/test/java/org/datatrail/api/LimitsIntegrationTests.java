package org.datatrail.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.datatrail.support.DataTrailTest;
import org.datatrail.support.DataTrailTest.Seed;
import org.datatrail.support.Testers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Each limit refuses an abusive request with a clear error, and the next normal request still succeeds. */
@DataTrailTest(seed = Seed.SMALL)
class LimitsIntegrationTests {

    @LocalServerPort
    int port;

    HttpGraphQlTester graphQl;

    @BeforeEach
    void tester() {
        graphQl = Testers.graphQl(port);
    }

    @Autowired
    ServletWebServerApplicationContext context;

    /**
     * Tomcat would cut every GraphQL request (an asynchronous one) at 30 s, before the request timeout answers it with its
     * 503 and message; the app gives the connector the request timeout (150 s in the test apps) and 5 s more.
     */
    @Test
    void tomcatWaitsLongerThanTheRequestTimeout() {
        var connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        assertThat(connector.getAsyncTimeout()).isEqualTo(155_000L);
    }

    @Test
    void aQueryDeeperThanTwelveIsRefused() {
        String deep = "{ organisation(id: \"broker\") { partOf { partOf { partOf { partOf { partOf { partOf { partOf { partOf { partOf "
                + "{ partOf { partOf { partOf { id } } } } } } } } } } } } } }";
        graphQl.document(deep).execute().errors().satisfy(errors ->
            assertThat(errors.getFirst().getMessage()).contains("maximum query depth exceeded"));
        // nor the second time, when its parsed document comes from the cache
        graphQl.document(deep).execute().errors().satisfy(errors ->
            assertThat(errors.getFirst().getMessage()).contains("maximum query depth exceeded"));
        // a deep query does not pass by starting with introspection
        graphQl.document(deep.replaceFirst("\\{ ", "{ __typename ")).execute().errors().satisfy(errors ->
            assertThat(errors.getFirst().getMessage()).contains("maximum query depth exceeded"));
        assertNormalRequestSucceeds();
    }

    @Test
    void aQueryCostingTooMuchIsRefusedAliasesIncluded() {
        StringBuilder aliases = new StringBuilder("{");
        for (int i = 0; i < 20; i++) {
            aliases.append(" t").append(i).append(": traceFlows(from: \"supplier\", first: 100) { transfers { evidence { quote source { title } } } }");
        }
        graphQl.document(aliases.append(" }").toString()).execute().errors().satisfy(errors ->
            assertThat(errors.getFirst().getMessage()).startsWith("The query's estimated cost is ").contains("over the limit of 50,000"));
        assertNormalRequestSucceeds();
    }

    @Test
    void anOversizedDocumentIsRefusedByTheParser() {
        String huge = "{ search(text: \"" + "x ".repeat(30_000) + "\") { id } }";
        graphQl.document(huge).execute().errors().satisfy(errors ->
            assertThat(errors.getFirst().getMessage()).containsIgnoringCase("characters"));
        String manyTokens = "{ " + "a ".repeat(6_000) + "}";
        graphQl.document(manyTokens).execute().errors().satisfy(errors ->
            assertThat(errors.getFirst().getMessage()).containsIgnoringCase("tokens"));
        assertNormalRequestSucceeds();
    }

    @Test
    void pageSizesAndHopsAreBounded() {
        graphQl.document("{ traceFlows(from: \"supplier\", first: 1000) { hops } }").execute().errors().satisfy(errors ->
            assertThat(errors.getFirst().getMessage()).isEqualTo("Argument 'first' must be between 1 and 100, was 1000"));
        graphQl.document("{ upstream(to: \"party\", maxHops: 0) { hops } }").execute().errors().satisfy(errors ->
            assertThat(errors.getFirst().getMessage()).isEqualTo("Argument 'maxHops' must be between 1 and 8, was 0"));
        assertNormalRequestSucceeds();
    }

    @Test
    void batchedRequestsAreNotAccepted() {
        org.springframework.test.web.reactive.server.WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
            .post().uri("/graphql").header("Content-Type", "application/json")
            .bodyValue("[" + "{\"query\":\"{ traceFlows(from: \\\"supplier\\\") { hops } }\"},".repeat(50) + "{\"query\":\"{ __typename }\"}]")
            .exchange()
            .expectStatus().is4xxClientError();
        assertNormalRequestSucceeds();
    }

    private void assertNormalRequestSucceeds() {
        graphQl.document("{ traceFlows(from: \"supplier\") { hops } }").execute()
            .path("traceFlows[*].hops").entityList(Integer.class).containsExactly(1, 2);
    }
}
