package org.datatrail.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
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
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.datatrail.support.DataTrailTest;
import org.datatrail.support.DataTrailTest.Seed;
import org.datatrail.support.Testers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests are bounded: a body over 1 MB is refused with 413 before it is read, however it is sent; variables count
 * into the GraphQL character limit; a request of 300 aliased fields cannot take the database connections from other
 * callers; a filter value that names nothing is refused at once.
 */
@DataTrailTest(seed = Seed.SMALL)
// alone: it measures the heap, which a class running beside it would fill, and captures the output
@Isolated
@ExtendWith(OutputCaptureExtension.class)
class RequestLimitsIntegrationTests {

    static final long ATTACK_BYTES = 95L * 1024 * 1024;

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void eightConcurrent95MegabyteBodiesAreRefusedBeforeTheyAreRead(CapturedOutput output) throws Exception {
        long heapBefore = usedHeapAfterGc();
        long start = System.nanoTime();
        List<Future<String>> answers = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                boolean chunked = i % 2 == 1;
                answers.add(clients.submit(() -> attack(chunked)));
            }
            for (Future<String> answer : answers) {
                String response = answer.get();
                assertThat(response).startsWith("HTTP/1.1 413 ");
                assertThat(response).contains("\"error\":\"Content Too Large\"")
                    .containsPattern("\"message\":\"The request body is (99614720|more than 1048576) bytes; at most 1048576 are accepted "
                            + "\\(datatrail.requests.max-body-size\\)\"");
            }
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(usedHeapAfterGc() - heapBefore).as("heap grown by the attack").isLessThan(64L * 1024 * 1024);
        assertThat(output.getAll()).doesNotContain("OutOfMemoryError");
        assertNormalRequestSucceeds();
    }

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

    /**
     * One attacker: 95 MB towards {@code /graphql} over a raw socket, declared by {@code Content-Length} or sent in
     * chunks, streamed from one small buffer; answers what the server said before it stopped listening.
     */
    private String attack(boolean chunked) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String headers = "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + ATTACK_BYTES + "\r\n") + "\r\n";
            out.write(headers.getBytes(StandardCharsets.US_ASCII));
            Thread sender = Thread.ofVirtual().start(() -> send(out, chunked));
            String answer = new String(readAnswer(socket.getInputStream()), StandardCharsets.UTF_8);
            sender.interrupt();
            return answer;
        }
    }

    private static void send(OutputStream out, boolean chunked) {
        byte[] block = new byte[64 * 1024];
        java.util.Arrays.fill(block, (byte) 'A');
        byte[] prefix = "{\"query\":\"query($p: String) { __typename }\",\"variables\":{\"p\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(prefix, 0, block, 0, prefix.length);
        try {
            for (long sent = 0; sent < ATTACK_BYTES && !Thread.currentThread().isInterrupted(); sent += block.length) {
                if (chunked) {
                    out.write((Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(block);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            }
        }
        catch (IOException stoppedListening) {
            // the server refused and closed the connection: what an attacker gets
        }
    }

    /** The status line, headers and body, up to the end of the JSON body or the connection. */
    private static byte[] readAnswer(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        try {
            while ((n = in.read(buffer)) > 0) {
                answer.write(buffer, 0, n);
                if (answer.toString(StandardCharsets.UTF_8).contains("\"}")) {
                    break;
                }
            }
        }
        catch (java.net.SocketException reset) {
            // the server closed the connection after answering
        }
        return answer.toByteArray();
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

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
