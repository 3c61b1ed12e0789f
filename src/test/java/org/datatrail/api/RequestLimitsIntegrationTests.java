package org.datatrail.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.datatrail.support.DataTrailTest;
import org.datatrail.support.DataTrailTest.Seed;
import org.datatrail.support.Testers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests are bounded: a body over 1 MB is refused with 413 before it is read, however it is sent (the 95 MB attack
 * against a small heap is {@link SmallHeapAttackIntegrationTests}); variables count into the GraphQL character limit; a
 * request of 300 aliased fields cannot take the database connections from other callers; a filter value that names
 * nothing is refused at once.
 */
@DataTrailTest(seed = Seed.SMALL)
class RequestLimitsIntegrationTests {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aBodyOverTheLimitIsRefusedWithJsonAndOneWithinItIsServed() throws Exception {
        String large = "{\"query\": \"{ __typename }\"" + " ".repeat(1024 * 1024) + "}";
        HttpResponse<String> tooLarge = post(large, null);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(json.readTree(tooLarge.body()).get("message").asString())
            .isEqualTo("The request body is 1048603 bytes; at most 1048576 are accepted (datatrail.requests.max-body-size)");
        // a token does not lift the limit
        assertThat(post(large, Testers.INVESTIGATOR_TOKEN).statusCode()).isEqualTo(413);
        // the document upload has its own limit (datatrail.documents.max-size, 20 MB): 2 MB passes this one, and a
        // journalist is then refused for who they are, not for the size
        HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/sources/src-a/document"))
            .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x".repeat(2 * 1024 * 1024))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(403);
        HttpResponse<String> within = post("{\"query\": \"{ __typename }\"" + " ".repeat(1024 * 1024 - 100) + "}", null);
        assertThat(within.statusCode()).isEqualTo(200);
        assertThat(within.body()).isEqualTo("{\"data\":{\"__typename\":\"Query\"}}");
        // sent in chunks, without a length: read here up to the limit, then served as usual
        byte[] chunked = ("{\"query\": \"{ __typename }\"" + " ".repeat(500_000) + "}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> streamed = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(chunked)))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(200);
        assertThat(streamed.body()).isEqualTo("{\"data\":{\"__typename\":\"Query\"}}");
    }

    @Test
    void variablesCountIntoTheCharacterLimit() throws Exception {
        String body = "{\"query\": \"query($text: String!) { search(text: $text) { id } }\", \"variables\": {\"text\": \"" + "x".repeat(60_000) + "\"}}";
        JsonNode answer = json.readTree(post(body, null).body());
        assertThat(answer.at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(answer.at("/errors/0/message").asString())
            .isEqualTo("The request's query and variables are 60064 characters together; at most 50000 are accepted (datatrail.graphql.max-characters)");
        assertNormalRequestSucceeds();
    }

    @Test
    void threeHundredAliasesDoNotStarveOtherCallers() throws Exception {
        StringBuilder aliases = new StringBuilder("{");
        for (int i = 0; i < 300; i++) {
            aliases.append(" a").append(i).append(": search(text: \"data\", first: 100) { id }");
        }
        String greedy = json.writeValueAsString(java.util.Map.of("query", aliases.append(" }").toString()));
        String trace = "{\"query\": \"{ traceFlows(from: \\\"supplier\\\") { hops organisations { name } } }\"}";
        post(trace, null); // the trace's plan is made before the race starts

        AtomicBoolean greedyDone = new AtomicBoolean();
        List<String> othersFailed = Collections.synchronizedList(new ArrayList<>());
        List<Integer> othersServed = Collections.synchronizedList(new ArrayList<>());
        HttpResponse<String> greedyAnswer;
        try (ExecutorService others = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < 4; c++) {
                String token = c % 2 == 0 ? null : Testers.ANALYST_TOKEN;
                others.submit(() -> {
                    while (!greedyDone.get()) {
                        HttpResponse<String> r = post(trace, token);
                        if (r.statusCode() != 200 || r.body().contains("\"errors\"")) {
                            othersFailed.add(r.statusCode() + " " + r.body());
                        }
                        othersServed.add(r.statusCode());
                    }
                    return null;
                });
            }
            CompletableFuture<HttpResponse<String>> sent = http.sendAsync(request(greedy, null), HttpResponse.BodyHandlers.ofString());
            greedyAnswer = sent.get();
            greedyDone.set(true);
        }
        assertThat(greedyAnswer.statusCode()).isEqualTo(200);
        JsonNode answer = json.readTree(greedyAnswer.body());
        assertThat(answer.has("errors")).as(greedyAnswer.body()).isFalse();
        assertThat(answer.get("data").size()).isEqualTo(300);
        assertThat(othersFailed).isEmpty();
        assertThat(othersServed).isNotEmpty();
    }

    @Test
    void aFilterValueThatNamesNothingIsRefusedAtOnce() throws Exception {
        assertRefused("{ traceFlows(from: \"supplier\", purpose: \"nope\") { hops } }",
                "Argument 'purpose' names no purpose: 'nope'; expected a purpose id, one of marketing, politics, postal");
        assertRefused("{ upstream(to: \"party\", purpose: \"nope\") { hops } }",
                "Argument 'purpose' names no purpose: 'nope'; expected a purpose id, one of marketing, politics, postal");
        assertRefused("{ traceFlows(from: \"supplier\", dataCategory: \"nope\") { hops } }",
                "Argument 'dataCategory' names no data category: 'nope'; expected a data category id or name, one of child-dob, name");
        JsonNode unknownType = json.readTree(post(json.writeValueAsString(java.util.Map.of("query",
                "{ traceFlows(from: \"supplier\", toType: NOPE) { hops } }")), null).body());
        assertThat(unknownType.at("/errors/0/message").asString()).contains("toType").contains("NOPE");
        // a known value still filters
        JsonNode known = json.readTree(post(json.writeValueAsString(java.util.Map.of("query",
                "{ traceFlows(from: \"supplier\", purpose: \"politics\") { hops } }")), null).body());
        assertThat(known.has("errors")).as(known.toString()).isFalse();
    }

    private void assertRefused(String query, String message) throws Exception {
        long start = System.nanoTime();
        JsonNode answer = json.readTree(post(json.writeValueAsString(java.util.Map.of("query", query)), null).body());
        assertThat(answer.at("/errors/0/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(answer.at("/errors/0/message").asString()).isEqualTo(message);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    private HttpRequest request(String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
            .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private HttpResponse<String> post(String body, String token) throws IOException, InterruptedException {
        return http.send(request(body, token), HttpResponse.BodyHandlers.ofString());
    }

    /** The service still answers (a lookup, not a trace: a cold trace plan can take a minute on a loaded machine). */
    private void assertNormalRequestSucceeds() {
        Testers.graphQl(port).document("{ organisation(id: \"party\") { name } }").execute()
            .path("organisation.name").entity(String.class).isEqualTo("The Party");
    }
}
