package org.datatrail.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.datatrail.support.DataTrailTest;
import org.datatrail.support.DataTrailTest.Seed;
import org.datatrail.support.Testers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Traces and consent verdicts on a hand-made network (src/test/resources/facts/traces): A sends to B and E,
 * B to C and back to A (a cycle), C to the party D; G, whose notice permits only third-party marketing,
 * sends to the party F. Alpha's data has two consents (marketing, which includes postal; and profiling).
 */
@DataTrailTest(seed = Seed.TRACES)
class TraceIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    org.datatrail.system.GraphReads reads;

    HttpGraphQlTester graphQl;

    @BeforeEach
    void tester() {
        graphQl = Testers.graphQl(port);
    }

    @Test
    void simpleChainsShortestFirstWithTheCycleBackToTheStartLeftOut() {
        assertThat(transferIds(trace(Map.of("from", "a")))).containsExactly(
                List.of("a-b"), List.of("a-e"), List.of("a-b", "b-c"), List.of("a-b", "b-c", "c-d"));
    }

    @Test
    void maxHopsBoundsTheChains() {
        assertThat(transferIds(trace(Map.of("from", "a", "maxHops", 2))))
            .containsExactly(List.of("a-b"), List.of("a-e"), List.of("a-b", "b-c"));
        assertThat(transferIds(trace(Map.of("from", "a", "maxHops", 1)))).containsExactly(List.of("a-b"), List.of("a-e"));
    }

    @Test
    void toAndToTypeKeepChainsEndingThere() {
        assertThat(transferIds(trace(Map.of("from", "a", "to", "d")))).containsExactly(List.of("a-b", "b-c", "c-d"));
        assertThat(transferIds(trace(Map.of("from", "a", "toType", "POLITICAL_PARTY"))))
            .containsExactly(List.of("a-e"), List.of("a-b", "b-c", "c-d"));
    }

    @Test
    void datesBoundEveryTransferOfAChain() {
        assertThat(transferIds(trace(Map.of("from", "a", "since", "2019-06-01")))).containsExactly(List.of("a-e"));
        assertThat(transferIds(trace(Map.of("from", "a", "until", "2019-02-15"))))
            .containsExactly(List.of("a-b"), List.of("a-b", "b-c"));
    }

    @Test
    void filtersByDataCategoryChildrenAndPurpose() {
        assertThat(transferIds(trace(Map.of("from", "a", "childrenOnly", true)))).hasSize(4);
        assertThat(transferIds(trace(Map.of("from", "g", "childrenOnly", true)))).isEmpty();
        assertThat(transferIds(trace(Map.of("from", "g", "dataCategory", "name")))).containsExactly(List.of("g-f"));
        assertThat(transferIds(trace(Map.of("from", "a", "purpose", "profiling"))))
            .containsExactly(List.of("a-b", "b-c"), List.of("a-b", "b-c", "c-d"));
    }

    @Test
    void firstAndAfterPageThroughTheChains() {
        List<Map<String, Object>> page1 = trace(Map.of("from", "a", "first", 2));
        String cursor = (String) page1.getLast().get("cursor");
        List<Map<String, Object>> page2 = trace(Map.of("from", "a", "first", 2, "after", cursor));

        assertThat(transferIds(page1)).containsExactly(List.of("a-b"), List.of("a-e"));
        assertThat(transferIds(page2)).containsExactly(List.of("a-b", "b-c"), List.of("a-b", "b-c", "c-d"));
    }

    @Test
    void consentVerdictsCoveredAndBreachesAtHopOneAndThree() {
        List<Map<String, Object>> chains = trace(Map.of("from", "a"));

        // a-b postal: covered because marketing INCLUDES postal; then C's postal campaign with the data: covered
        assertThat(consent(chains.get(2))).containsEntry("covered", true).containsEntry("firstUncoveredHop", null);
        // several consents: b-c profiling is covered by the second consent of the same dataset
        assertThat((String) consent(chains.get(2)).get("explanation")).startsWith("Covered")
            .contains("\"Alpha notice\"", "\"Alpha profiling consent\"");
        // breach at hop 1
        assertThat(consent(chains.get(1))).containsEntry("covered", false).containsEntry("firstUncoveredHop", 0);
        assertThat(consent(chains.get(1)).get("uncoveredPurposes")).isEqualTo(List.of(Map.of("id", "politics", "name", "Political campaigning")));
        // breach at hop 3
        assertThat(consent(chains.get(3))).containsEntry("covered", false).containsEntry("firstUncoveredHop", 2);
        assertThat((String) consent(chains.get(3)).get("explanation"))
            .isEqualTo("Not covered. At the third hop, Gamma Data passed Alpha members to Delta Party for political campaigning, which "
                    + "\"Alpha notice\" and \"Alpha profiling consent\" do not cover (covered: marketing, postal marketing, profiling).");
    }

    @Test
    void aBroadSoundingPurposeDoesNotCoverWhatItDoesNotInclude() {
        Map<String, Object> verdict = consent(trace(Map.of("from", "g")).getFirst());

        assertThat(verdict).containsEntry("covered", false).containsEntry("firstUncoveredHop", 0);
        assertThat((String) verdict.get("explanation")).contains("\"Gimel notice\" does not cover (covered: third-party marketing)");
        assertThat(((List<?>) verdict.get("evidence")).stream().map(e -> (Object) ((Map<?, ?>) e).get("quote")).toList())
            .contains((Object) "Gimel notice: third parties", "g to f");
    }

    @Test
    void upstreamReadsInTheDirectionTheDataMoved() {
        List<Map<String, Object>> chains = graphQl.documentName("upstream").variable("to", "d").execute()
            .path("upstream").entityList(Object.class).get().stream().map(o -> (Map<String, Object>) o).toList();

        assertThat(transferIds(chains)).containsExactly(List.of("c-d"), List.of("b-c", "c-d"), List.of("a-b", "b-c", "c-d"));
        assertThat(chains.getLast().get("organisations")).isEqualTo(
                List.of(Map.of("id", "a"), Map.of("id", "b"), Map.of("id", "c"), Map.of("id", "d")));
    }

    @Test
    void shortestFlowFindsTheChainWhicheverWayRound() {
        var forward = graphQl.documentName("shortest").variable("between", "a").variable("and", "d").execute()
            .path("shortestFlow.transfers[*].id").entityList(String.class).get();
        var backward = graphQl.documentName("shortest").variable("between", "d").variable("and", "a").execute()
            .path("shortestFlow.transfers[*].id").entityList(String.class).get();

        assertThat(forward).containsExactly("a-b", "b-c", "c-d");
        assertThat(backward).isEqualTo(forward);
    }

    @Test
    void aTraceIsOneStatementWhateverMaxHopsAndWhetherItsOrganisationsExist() {
        // the chains, their verdicts and the check that `from` and `to` exist: one statement, for one hop or eight
        for (int maxHops : new int[] { 1, 8 }) {
            long before = reads.queryCount();
            var chains = graphQl.document("query($n: Int) { traceFlows(from: \"a\", maxHops: $n) { hops consent { covered } } }")
                .variable("n", maxHops).execute().path("traceFlows").entityList(Object.class).get();
            assertThat(chains).hasSize(maxHops == 1 ? 2 : 4);
            assertThat(reads.queryCount() - before).as("statements for maxHops %d", maxHops).isEqualTo(1);
        }
        long before = reads.queryCount();
        graphQl.document("{ traceFlows(from: \"a\", to: \"nobody\") { hops } }").execute().errors()
            .satisfy(errors -> assertThat(errors.getFirst().getMessage()).isEqualTo("No organisation with id 'nobody'"));
        graphQl.document("{ upstream(to: \"nobody\") { hops } }").execute().errors()
            .satisfy(errors -> assertThat(errors.getFirst().getMessage()).isEqualTo("No organisation with id 'nobody'"));
        graphQl.document("{ shortestFlow(between: \"nobody\", and: \"a\") { hops } }").execute().errors()
            .satisfy(errors -> assertThat(errors.getFirst().getMessage()).isEqualTo("No organisation with id 'nobody'"));
        // one statement each, and one more on this failure path only: the organisations the caller may have meant
        assertThat(reads.queryCount() - before).isEqualTo(3 + 3);
    }

    @Test
    void oneTraceRequestRunsAConstantNumberOfQueries() {
        long before = reads.queryCount();
        trace(Map.of("from", "a", "maxHops", 1));
        long oneHop = reads.queryCount() - before;

        before = reads.queryCount();
        trace(Map.of("from", "a", "maxHops", 8));
        long eightHops = reads.queryCount() - before;

        // the trace itself (one statement), then at most two queries per batched field of the document (related
        // ids, then entities); a field at two depths (Evidence.source) may be dispatched once or twice depending
        // on timing, so the bound is what holds, whatever the number of chains: never a query per chain
        int batchedFields = 10;
        assertThat(oneHop).isLessThanOrEqualTo(1 + 2L * batchedFields);
        assertThat(eightHops).isLessThanOrEqualTo(1 + 2L * batchedFields);
    }

    @Test
    void maxHopsOutsideOneToEightIsAClearError() {
        graphQl.documentName("trace").variable("from", "a").variable("maxHops", 9).execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.getFirst().getMessage()).isEqualTo("Argument 'maxHops' must be between 1 and 8, was 9");
            assertThat(errors.getFirst().getErrorType().toString()).isEqualTo("BAD_REQUEST");
        });
    }

    @Test
    void anUnknownStartIsNotFound() {
        graphQl.documentName("trace").variable("from", "nobody").execute().errors().satisfy(errors -> {
            assertThat(errors.getFirst().getMessage()).isEqualTo("No organisation with id 'nobody'");
            assertThat(errors.getFirst().getErrorType().toString()).isEqualTo("NOT_FOUND");
        });
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> trace(Map<String, Object> variables) {
        var request = graphQl.documentName("trace");
        for (var e : variables.entrySet()) {
            request = request.variable(e.getKey(), e.getValue());
        }
        return request.execute().path("traceFlows").entityList(Object.class).get().stream().map(o -> (Map<String, Object>) o).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> transferIds(List<Map<String, Object>> chains) {
        return chains.stream()
            .map(c -> ((List<Map<String, Object>>) c.get("transfers")).stream().map(t -> (String) t.get("id")).toList())
            .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> consent(Map<String, Object> chain) {
        return (Map<String, Object>) chain.get("consent");
    }
}
