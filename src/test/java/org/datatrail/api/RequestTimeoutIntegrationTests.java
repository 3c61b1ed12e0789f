package org.datatrail.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.datatrail.ingest.FactFile;
import org.datatrail.ingest.FactIngest;
import org.datatrail.security.Caller;
import org.datatrail.support.DataTrailTest;
import org.datatrail.support.DataTrailTest.Seed;
import org.datatrail.support.Testers;
import org.datatrail.transfer.FlowBasis;
import org.datatrail.transfer.Traces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.RoutingControl;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * A trace that would run for minutes (every organisation of a 12-clique sends to every other, so the chains
 * of 8 hops number millions, and it asks for chains ending at a party, which the clique has none of, so no
 * page ever fills and every length is expanded) is cut off by the request timeout, Neo4j kills the query at
 * the query timeout, and the next normal request is served.
 */
@DataTrailTest(seed = Seed.SMALL, writes = true,
        properties = { "datatrail.graphql.request-timeout=2s", "datatrail.api.query-timeout=2s" })
// alone: its normal request must finish inside a 2 s timeout, which a class running beside it could use up
@Isolated
class RequestTimeoutIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    FactIngest ingest;

    @Autowired
    Driver driver;

    @Test
    void aRunawayTraceIsCutOffAndTheServiceCarriesOn() {
        ingest.ingest(List.of(FactFile.of("clique", JsonMapper.builder().build().valueToTree(clique(12)))), Caller.system("test"));
        warmUp();
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30)).build();
        long start = System.nanoTime();

        client.post().uri("/graphql").header("Content-Type", "application/json")
            .bodyValue("{\"query\":\"{ traceFlows(from: \\\"k0\\\", maxHops: 8, toType: POLITICAL_PARTY, first: 100) { hops } }\"}")
            .exchange()
            .expectStatus().isEqualTo(503);
        org.assertj.core.api.Assertions.assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));

        normalRequestSucceeds();
    }

    /**
     * A served app has its query plans warm (it plans the default traces when it starts); a fresh one's first request
     * pays seconds of planning, more than the 2 s timeout on a loaded machine, and a plan cut off by the timeout is not
     * kept. So the normal request's statement is planned first, as the app's warm-up does, with no timeout.
     */
    private void warmUp() {
        Traces.Statement statement = Traces.downstreamStatement("supplier",
                new Traces.Filter(null, null, null, null, null, false, null, FlowBasis.DATA), 4, Traces.Page.first(50));
        driver.executableQuery(statement.text()).withParameters(statement.parameters())
            .withConfig(QueryConfig.builder().withRouting(RoutingControl.READ).build()).execute();
        normalRequestSucceeds();
    }

    private void normalRequestSucceeds() {
        Testers.graphQl(port).document("{ traceFlows(from: \"supplier\") { hops } }").execute()
            .path("traceFlows[*].hops").entityList(Integer.class).containsExactly(1, 2);
    }

    private static Map<String, Object> clique(int size) {
        List<Map<String, Object>> organisations = new ArrayList<>();
        List<Map<String, Object>> transfers = new ArrayList<>();
        List<Map<String, String>> evidence = List.of(Map.of("source", "src-a", "quote", "clique"));
        for (int i = 0; i < size; i++) {
            organisations.add(Map.of("id", "k" + i, "name", "Clique " + i, "types", List.of("DATA_BROKER"), "evidence", evidence));
            for (int j = 0; j < size; j++) {
                if (i != j) {
                    transfers.add(Map.of("id", "k" + i + "-k" + j, "from", "k" + i, "to", "k" + j, "dataset", "club-members",
                            "purposes", List.of("marketing"), "evidence", evidence));
                }
            }
        }
        return Map.of("organisations", organisations, "transfers", transfers);
    }
}
