package org.datatrail.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.datatrail.support.DataTrailTest;
import org.datatrail.support.DataTrailTest.Seed;
import org.datatrail.support.Testers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A bounded load check on loopback: concurrent clients mix traces, searches, refused journalist writes and
 * accepted investigator writes for a fixed time ({@code -Ddatatrail.loadcheck.seconds}, default 15;
 * {@code -Ddatatrail.loadcheck.clients}, default 6). Then: no 5xx, every accepted write is whole in the
 * database, no refused write left anything, and the heap after a GC has not grown out of bounds. The
 * figures go to {@code target/load-check.txt}. A check, not a benchmark: it asserts correctness, not speed.
 */
@DataTrailTest(seed = Seed.TRACES, writes = true)
// alone: it measures the heap, which a class running beside it would fill
@Isolated
class LoadCheckIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Test
    void concurrentMixedTrafficLosesNothingAndNeverFails() throws Exception {
        int seconds = Integer.getInteger("datatrail.loadcheck.seconds", 15);
        int clients = Integer.getInteger("datatrail.loadcheck.clients", 6);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        send(http, trace(), null); // warm-up
        long heapBefore = usedHeapAfterGc();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();

        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                for (int i = 0; System.nanoTime() < end; i++) {
                    String kind = List.of("trace", "search", "refused-write", "write").get(i % 4);
                    String id = "load-" + client + "-" + i;
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> r = switch (kind) {
                            case "trace" -> send(http, trace(), null);
                            case "search" -> send(http, "{\"query\":\"{ search(text: \\\"alpha club\\\") { id } }\"}", null);
                            case "refused-write" -> send(http, write("refused-" + id), null);
                            default -> send(http, write(id), Testers.INVESTIGATOR_TOKEN);
                        };
                        latencies.add(System.nanoTime() - start);
                        counts.computeIfAbsent(kind + " " + r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                        boolean ok = switch (kind) {
                            case "refused-write" -> r.body().contains("FORBIDDEN");
                            case "write" -> r.body().contains("\"id\":\"" + id + "\"");
                            default -> !r.body().contains("\"errors\"");
                        };
                        if (r.statusCode() >= 500 || !ok) {
                            failures.add(kind + " " + r.statusCode() + " " + r.body());
                        }
                        else if (kind.equals("write")) {
                            accepted.add(id);
                        }
                    }
                    catch (IOException | InterruptedException e) {
                        failures.add(kind + " " + e);
                    }
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS)).isTrue();
        long heapAfter = usedHeapAfterGc();

        var stored = driver.executableQuery("""
                MATCH (o:Organisation) WHERE o.id STARTS WITH 'load-' OR o.id STARTS WITH 'refused-'
                RETURN o.id AS id, COUNT { (o)-[:SUPPORTED_BY]->(:Evidence)-[:CITES]->(:Source) } AS evidence,
                       COUNT { (:AuditEntry)-[:RECORDED]->(o) } AS audits
                """).execute().records();
        List<Long> sorted = latencies.stream().sorted().toList();
        String figures = String.format("load check: %d clients for %d s; %d requests (%.0f/s); by kind and status %s; "
                + "latency p50 %d ms, p95 %d ms, max %d ms; accepted writes %d, stored %d; heap after GC %d MB before, %d MB after%n",
                clients, seconds, sorted.size(), sorted.size() / (double) seconds, new java.util.TreeMap<>(counts),
                sorted.get(sorted.size() / 2) / 1_000_000, sorted.get((int) (sorted.size() * 0.95)) / 1_000_000, sorted.getLast() / 1_000_000,
                accepted.size(), stored.size(), heapBefore >> 20, heapAfter >> 20);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "load-check.txt"), figures);
        System.out.print(figures);

        assertThat(failures).as("5xx, wrong answers or lost requests").isEmpty();
        assertThat(stored).extracting(r -> r.get("id").asString()).containsExactlyInAnyOrderElementsOf(accepted);
        assertThat(stored).allSatisfy(r -> {
            assertThat(r.get("evidence").asLong()).as("whole write").isEqualTo(1);
            assertThat(r.get("audits").asLong()).as("audited").isEqualTo(1);
        });
        assertThat(heapAfter - heapBefore).as("heap growth after GC").isLessThan(256L << 20);
    }

    private HttpResponse<String> send(HttpClient http, String body, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String trace() {
        return "{\"query\":\"{ traceFlows(from: \\\"a\\\", maxHops: 4) { hops transfers { id purposes { id } } consent { covered } } }\"}";
    }

    private static String write(String id) {
        return "{\"query\":\"mutation($i: OrganisationInput!) { recordOrganisation(input: $i) { id } }\",\"variables\":{\"i\":{\"id\":\"" + id
                + "\",\"name\":\"Load " + id + "\",\"types\":[\"OTHER\"],\"evidence\":[{\"source\":\"src-t\",\"quote\":\"load " + id + "\"}]}}}";
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}
