package org.datatrail.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.springframework.boot.SpringApplication;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Wiring shared by the GraphQL tests: a fresh embedded database per test class, and a tester over HTTP. */
public final class Testers {

    private Testers() {
    }

    /**
     * A new data directory and an ephemeral Bolt port; {@code seedLocation} null keeps the shipped seed. The directory
     * (a database of ~130 MB) is deleted when the JVM exits: the test context that uses it stays cached until then,
     * and Boot runs its shutdown handlers only after closing every context it started, so the database is closed first.
     */
    public static void embeddedDatabase(DynamicPropertyRegistry registry, String seedLocation) {
        try {
            Path dir = Files.createTempDirectory("datatrail-test-");
            SpringApplication.getShutdownHandlers().add(() -> deleteRecursively(dir));
            registry.add("datatrail.data-dir", dir::toString);
            registry.add("datatrail.neo4j.bolt-port", () -> "0");
            // each test class starts its own app: planning traces in advance would only load the 2 cores the tests share
            registry.add("datatrail.api.warm-up", () -> "false");
            if (seedLocation != null) {
                registry.add("datatrail.seed.location", () -> seedLocation);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        catch (IOException e) {
            System.err.println("Could not delete the test database folder " + dir + ": " + e);
        }
    }

    /** The bearer tokens the tests use, and their configuration entries (SHA-256 hashes only). */
    public static final String INVESTIGATOR_TOKEN = "test-investigator-token";
    public static final String ANALYST_TOKEN = "test-analyst-token";

    public static void tokens(DynamicPropertyRegistry registry) {
        registry.add("datatrail.security.tokens", () -> "INVESTIGATOR:alice:" + org.datatrail.security.TokenRegistry.hashOf(INVESTIGATOR_TOKEN)
                + ",ANALYST:" + org.datatrail.security.TokenRegistry.hashOf(ANALYST_TOKEN));
    }

    /** A GraphQL tester for the app on {@code port}; the first request pays Cypher and OGM warm-up, hence the timeout. */
    public static HttpGraphQlTester graphQl(int port) {
        return graphQl(port, null);
    }

    /** As {@link #graphQl(int)}, sending {@code Authorization: Bearer <token>} when a token is given. */
    public static HttpGraphQlTester graphQl(int port, String token) {
        WebTestClient.Builder client = WebTestClient.bindToServer()
            .baseUrl("http://localhost:" + port + "/graphql")
            .responseTimeout(Duration.ofSeconds(60));
        if (token != null) {
            client.defaultHeader("Authorization", "Bearer " + token);
        }
        return HttpGraphQlTester.create(client.build());
    }
}
