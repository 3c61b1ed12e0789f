package org.datatrail.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Wiring shared by the GraphQL tests: a fresh embedded database per test class, and a tester over HTTP. */
public final class Testers {

    private Testers() {
    }

    /** A new data directory and an ephemeral Bolt port; {@code seedLocation} null keeps the shipped seed. */
    public static void embeddedDatabase(DynamicPropertyRegistry registry, String seedLocation) {
        try {
            Path dir = Files.createTempDirectory("datatrail-test-");
            registry.add("datatrail.data-dir", dir::toString);
            registry.add("datatrail.neo4j.bolt-port", () -> "0");
            if (seedLocation != null) {
                registry.add("datatrail.seed.location", () -> seedLocation);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GraphQL tester for the app on {@code port}; the first request pays Cypher and OGM warm-up, hence the timeout. */
    public static HttpGraphQlTester graphQl(int port) {
        WebTestClient client = WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + port + "/graphql")
            .responseTimeout(Duration.ofSeconds(60))
            .build();
        return HttpGraphQlTester.create(client);
    }
}
