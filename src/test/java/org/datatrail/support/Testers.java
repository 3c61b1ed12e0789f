package org.datatrail.support;

import java.time.Duration;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What the GraphQL tests share: the tokens every {@link DataTrailTest} app accepts, and a tester over HTTP. */
public final class Testers {

    private Testers() {
    }

    /** The bearer tokens the tests use, and their configuration entries (SHA-256 hashes only). */
    public static final String INVESTIGATOR_TOKEN = "test-investigator-token";
    public static final String ANALYST_TOKEN = "test-analyst-token";

    /** The {@code datatrail.security.tokens} entry for both tokens, as every {@link DataTrailTest} app has it. */
    static String tokensSetting() {
        return "INVESTIGATOR:alice:" + org.datatrail.security.TokenRegistry.hashOf(INVESTIGATOR_TOKEN) + ",ANALYST:"
                + org.datatrail.security.TokenRegistry.hashOf(ANALYST_TOKEN);
    }

    /** A GraphQL tester for the app on {@code port}; the first request pays Cypher and OGM warm-up, hence the timeout. */
    public static HttpGraphQlTester graphQl(int port) {
        return graphQl(port, null);
    }

    /** As {@link #graphQl(int)}, sending {@code Authorization: Bearer <token>} when a token is given. */
    public static HttpGraphQlTester graphQl(int port, String token) {
        WebTestClient.Builder client = WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + port + "/graphql")
            // as long as the test apps wait for a request (datatrail.graphql.request-timeout, TestDatabaseCustomizerFactory)
            .responseTimeout(Duration.ofSeconds(150));
        if (token != null) {
            client.defaultHeader("Authorization", "Bearer " + token);
        }
        return HttpGraphQlTester.create(client.build());
    }
}
