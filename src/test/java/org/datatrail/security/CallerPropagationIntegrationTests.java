package org.datatrail.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.datatrail.support.DataTrailTest;
import org.datatrail.support.DataTrailTest.Seed;
import org.datatrail.support.Testers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The caller's identity reaches every thread a request uses: the data fetchers' virtual threads, the batch loaders and
 * the thread that turns a refusal into an error. The same refused request, sent many times at once, gets the same
 * message every time, naming the caller's role (once it said "unauthenticated" about half the time).
 */
@DataTrailTest(seed = Seed.SMALL)
class CallerPropagationIntegrationTests {

    /** Enough at once for the refusal to be built on every kind of thread. */
    static final int TIMES = 30;

    static final String RECORD_SOURCE = """
            {"query": "mutation($input: SourceInput!) { recordSource(input: $input) { id } }",
             "variables": {"input": {"id": "src-refused", "title": "Refused", "publisher": "Nobody"}}}""";

    static final String AUDIT_TRAIL = """
            {"query": "{ auditTrail(first: 1) { operation } }"}""";

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anAnonymousMutationIsRefusedAsAJournalistEveryTime() throws Exception {
        assertThat(messages(RECORD_SOURCE, null)).containsOnly(
                "FORBIDDEN: Not allowed for a JOURNALIST caller: recording findings needs an INVESTIGATOR or ADMIN token");
    }

    @Test
    void anAnalystsMutationIsRefusedAsAnAnalystEveryTime() throws Exception {
        assertThat(messages(RECORD_SOURCE, Testers.ANALYST_TOKEN)).containsOnly(
                "FORBIDDEN: Not allowed for an ANALYST caller: recording findings needs an INVESTIGATOR or ADMIN token");
    }

    @Test
    void anAnonymousReadOfTheAuditTrailIsRefusedAsAJournalistEveryTime() throws Exception {
        assertThat(messages(AUDIT_TRAIL, null)).hasSize(TIMES)
            .containsOnly("FORBIDDEN: Not allowed for a JOURNALIST caller: the field 'auditTrail' needs an INVESTIGATOR or ADMIN token");
        // an analyst is refused the audit trail for what it is, not told that recording findings needs a writer
        assertThat(messages(AUDIT_TRAIL, Testers.ANALYST_TOKEN)).hasSize(TIMES)
            .containsOnly("FORBIDDEN: Not allowed for an ANALYST caller: the field 'auditTrail' needs an INVESTIGATOR or ADMIN token");
    }

    @Test
    void theViewerIsTheCallerEveryTime() throws Exception {
        List<String> roles = new ArrayList<>();
        for (JsonNode body : send("{\"query\": \"{ viewer { role } organisations: search(text: \\\"broker\\\") { id } }\"}", Testers.INVESTIGATOR_TOKEN)) {
            roles.add(body.at("/data/viewer/role").asString());
        }
        assertThat(roles).hasSize(TIMES).containsOnly("INVESTIGATOR");
    }

    /** The errors of {@link #TIMES} concurrent requests, each as {@code classification: message}. */
    private List<String> messages(String body, String token) throws Exception {
        List<String> messages = new ArrayList<>();
        for (JsonNode answer : send(body, token)) {
            assertThat(answer.at("/errors")).as(answer.toString()).hasSize(1);
            messages.add(answer.at("/errors/0/extensions/classification").asString() + ": " + answer.at("/errors/0/message").asString());
        }
        assertThat(messages).hasSize(TIMES);
        return messages;
    }

    /** Sends a request; where the anonymous callers' limit answers 429, sends it again after its Retry-After, as a client should. */
    private CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose(response -> response.statusCode() != 429
                ? CompletableFuture.completedFuture(response)
                : CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(
                        Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow()), TimeUnit.SECONDS))
                    .thenCompose(retry -> sendAsync(request)));
    }

    private List<JsonNode> send(String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
            .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        http.send(request.build(), HttpResponse.BodyHandlers.discarding()); // the first request pays the warm-up
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < TIMES; i++) {
            answers.add(sendAsync(request.build()));
        }
        List<JsonNode> bodies = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            bodies.add(json.readTree(response.body()));
        }
        return bodies;
    }
}
