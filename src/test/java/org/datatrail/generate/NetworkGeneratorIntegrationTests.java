package org.datatrail.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.datatrail.support.GeneratedNetwork;
import org.datatrail.support.TestDatabase;
import org.datatrail.transfer.FlowBasis;
import org.datatrail.transfer.Traces;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Value;

/**
 * A generated network (size XS, seed 42) loaded through the write path, traced: the lineage the generator writes is
 * what traces follow. Through the hub brokers, the chains that follow the data are a small minority of the
 * organisation chains, and yet some of them run several hops, some through data a broker made.
 */
@ExtendWith(GeneratedNetwork.class)
class NetworkGeneratorIntegrationTests {

    /** A page larger than any supplier's DATA chains at XS, and the cap on its organisation chains. */
    private static final Traces.Page LARGE = Traces.Page.first(10_000);

    static TestDatabase db;

    @BeforeAll
    static void network(TestDatabase network) {
        db = network;
    }

    @Test
    void throughTheHubsDataChainsAreASmallMinorityOfOrganisationChainsAndSomeRunSeveralHops() {
        // four suppliers of each of the three brokers that send the most
        List<String> suppliers = db.rows("""
                MATCH (b:Organisation)-[:SENT]->(t:Transfer) WHERE 'DATA_BROKER' IN b.types
                WITH b, count(t) AS sent ORDER BY sent DESC, b.id LIMIT 3
                CALL (b) {
                  MATCH (s:Organisation)-[:SENT]->(:Transfer)-[:TO]->(b) WHERE 'DATA_SUPPLIER' IN s.types
                  RETURN DISTINCT s.id AS id ORDER BY id LIMIT 4
                }
                RETURN id""", Map.of()).stream().map(r -> (String) r.get("id")).toList();
        assertThat(suppliers).hasSize(12);

        long data = 0;
        long connection = 0;
        int[] dataByLength = new int[5];
        int throughMadeData = 0;
        for (String from : suppliers) {
            List<Value> chains = paths(Traces.downstreamStatement(from, filter(FlowBasis.DATA), 4, LARGE));
            long organisationChains = count(from, FlowBasis.CONNECTION);
            assertThat(chains).as("DATA chains from %s", from).allSatisfy(c -> assertThat(c.get("lineageBreaksAtHop").isNull()).isTrue())
                .hasSizeLessThan((int) organisationChains);
            assertThat(count(from, FlowBasis.DATA)).as("the count statement, DATA, from %s", from).isEqualTo(chains.size());
            for (Value chain : chains) {
                List<String> carried = chain.get("hops").asList(hop -> hop.get("dataset").asString());
                dataByLength[carried.size()]++;
                for (int k = 1; k < carried.size(); k++) {
                    throughMadeData += carried.get(k).equals(carried.get(k - 1)) ? 0 : 1;
                }
            }
            data += chains.size();
            connection += organisationChains;
        }
        assertThat(data * 20).as("%d DATA chains against %d organisation chains", data, connection).isLessThan(connection);
        assertThat(dataByLength[1]).as("every supplier's own sales").isGreaterThanOrEqualTo(12);
        assertThat(dataByLength[2]).as("DATA chains of two hops").isGreaterThanOrEqualTo(10);
        assertThat(dataByLength[3] + dataByLength[4]).as("DATA chains of three or four hops").isPositive();
        assertThat(throughMadeData).as("hops that carried on data a broker made from the data it received").isGreaterThanOrEqualTo(5);
    }

    @Test
    void theCountOfAWalkIsTheNumberOfChainsTheTraceReturns() {
        // a supplier of the biggest hub
        String supplier = "org-100";
        List<Value> chains = paths(Traces.downstreamStatement(supplier, filter(FlowBasis.CONNECTION), 2, LARGE));
        assertThat(chains).hasSizeGreaterThan(100);
        long data = chains.stream().filter(c -> c.get("lineageBreaksAtHop").isNull()).count();

        Traces.Statement count = Traces.downstreamCountStatement(supplier, filter(FlowBasis.CONNECTION), 2, LARGE);
        try (var session = db.driver().session()) {
            assertThat(session.run(count.text(), count.parameters()).single().get("chains").asLong()).isEqualTo(chains.size());
        }
        // the chains a CONNECTION trace labels DATA are the chains the DATA walk finds
        assertThat(paths(Traces.downstreamStatement(supplier, filter(FlowBasis.DATA), 2, LARGE))).hasSize((int) data);
        assertThat(data).isPositive().isLessThan(chains.size() / 20);
    }

    @Test
    void aDatasetIsTracedThroughWhatBrokersMadeFromIt() {
        // a supplier's list that a broker made something from after it arrived, and sent on after that
        String dataset = (String) db.rows("""
                MATCH (s:Organisation)-[:SENT]->(t1:Transfer)-[:TO]->(b:Organisation), (t1)-[:CARRIES]->(d:Dataset)<-[:HOLDS]-(s),
                      (d)-[:FEEDS]->(x:Derivation)-[:INTO]->(made:Dataset)<-[:HOLDS]-(b), (b)-[:SENT]->(t2:Transfer)-[:CARRIES]->(made)
                WHERE 'DATA_SUPPLIER' IN s.types AND t2.date >= t1.date AND x.date >= t1.date AND x.date <= t2.date
                RETURN d.id AS id ORDER BY id LIMIT 1""", Map.of()).getFirst().get("id");

        List<Value> chains = paths(Traces.datasetStatement(dataset, 4, Traces.Page.first(100)));
        assertThat(chains).anyMatch(c -> c.get("hops").get(0).get("dataset").asString().equals(dataset))
            .anyMatch(c -> c.get("hops").asList(hop -> hop.get("dataset").asString()).stream().anyMatch(d -> !d.equals(dataset)))
            .allSatisfy(c -> assertThat(c.get("lineageBreaksAtHop").isNull()).isTrue());
    }

    private static Traces.Filter filter(FlowBasis follow) {
        return new Traces.Filter(null, null, null, null, null, false, null, follow);
    }

    private static long count(String from, FlowBasis follow) {
        Traces.Statement statement = Traces.downstreamCountStatement(from, filter(follow), 4, LARGE);
        try (var session = db.driver().session()) {
            return session.run(statement.text(), statement.parameters()).single().get("chains").asLong();
        }
    }

    private static List<Value> paths(Traces.Statement statement) {
        try (var session = db.driver().session()) {
            return session.run(statement.text(), statement.parameters()).single().get("paths").asList(v -> v);
        }
    }
}
