package org.datatrail.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.datatrail.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.SessionConfig;

/**
 * Data made in two steps: a broker merges a bought list into A2 and then scores A2 into A3, and sends A3 on. The
 * onward transfer follows the data only where the two derivations are dated in order (the walk and the labels read
 * the derivation path from opposite ends, so both are checked on the same chains), and only while the broker holds
 * every dataset on the way.
 */
class LineageStepsIntegrationTests {

    static TestDatabase db;

    @BeforeAll
    static void start() {
        db = TestDatabase.start();
        try (var session = db.driver().session()) {
            // s sells ds-a to b (2018-01-01); b makes ds-a2 from it, then ds-a3 from ds-a2, and sends ds-a3 to p
            // three times over: once made in order, once made out of order, once through a dataset b does not hold
            session.run("""
                    CREATE (s:Organisation {id: 'org-s', types: ['DATA_SUPPLIER']}), (b:Organisation {id: 'org-b', types: ['DATA_BROKER']}),
                           (p:Organisation {id: 'org-p', types: ['POLITICAL_PARTY']}), (elsewhere:Organisation {id: 'org-x', types: ['DATA_BROKER']}),
                           (a:Dataset {id: 'ds-a'}), (s)-[:HOLDS]->(a),
                           (t1:Transfer {id: 'tr-1', date: date('2018-01-01')}), (s)-[:SENT]->(t1)-[:TO]->(b), (t1)-[:CARRIES]->(a)
                    WITH b, p, elsewhere, a
                    UNWIND [['in-order', '2018-02-01', '2018-03-01', true], ['out-of-order', '2018-03-01', '2018-02-01', true],
                            ['not-held', '2018-02-01', '2018-03-01', false]] AS c
                    CREATE (a2:Dataset {id: 'ds-a2-' + c[0]}), (a3:Dataset {id: 'ds-a3-' + c[0]}), (b)-[:HOLDS]->(a3),
                           (a)-[:FEEDS]->(:Derivation {id: 'dv-1-' + c[0], date: date(c[1])})-[:INTO]->(a2),
                           (a2)-[:FEEDS]->(:Derivation {id: 'dv-2-' + c[0], date: date(c[2])})-[:INTO]->(a3),
                           (t:Transfer {id: 'tr-2-' + c[0], date: date('2018-04-01')}), (b)-[:SENT]->(t)-[:TO]->(p), (t)-[:CARRIES]->(a3)
                    FOREACH (held IN CASE WHEN c[3] THEN [1] ELSE [] END | CREATE (b)-[:HOLDS]->(a2))
                    FOREACH (other IN CASE WHEN c[3] THEN [] ELSE [1] END | CREATE (elsewhere)-[:HOLDS]->(a2))""").consume();
        }
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void theWalkFollowsDataMadeInTwoStepsOnlyWhenTheyAreInOrderAndHeld() {
        Traces.Statement statement = Traces.downstreamStatement("org-s", new Traces.Filter(null, null, null, null, null, false, null, FlowBasis.DATA), 2,
                Traces.Page.first(50));
        try (var session = db.driver().session()) {
            List<List<String>> chains = session.run(statement.text(), statement.parameters()).single().get("paths")
                .asList(path -> path.get("hops").asList(hop -> hop.get("id").asString()));
            assertThat(chains).containsExactly(List.of("tr-1"), List.of("tr-1", "tr-2-in-order"));
        }
    }

    @Test
    void theLabelsOfTheSameChainsAgree() {
        List<List<String>> chains = Arrays.asList(List.of("tr-1", "tr-2-in-order"), List.of("tr-1", "tr-2-out-of-order"), List.of("tr-1", "tr-2-not-held"));
        try (var session = db.driver().session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build());
                var tx = session.beginTransaction()) {
            assertThat(Traces.lineageBreaks(tx, chains)).containsExactly(null, 1, 1);
        }
    }

    @Test
    void aCampaignWithDataMadeInTwoStepsIsTheChainsOnlyWhenTheStepsAreInOrder() {
        try (var session = db.driver().session()) {
            session.run("""
                    MATCH (b:Organisation {id: 'org-b'})
                    UNWIND ['in-order', 'out-of-order'] AS c
                    MATCH (a3:Dataset {id: 'ds-a3-' + c})
                    CREATE (b)-[:RAN]->(:Campaign {id: 'cp-' + c, startDate: date('2018-05-01')})-[:USED]->(a3)""").consume();
            Traces.Statement statement = Traces.downstreamStatement("org-s",
                    new Traces.Filter(null, null, null, null, null, false, null, FlowBasis.DATA), 1, Traces.Page.first(50));
            var path = session.run(statement.text(), statement.parameters()).single().get("paths").get(0);
            assertThat(path.get("campaigns").asList(c -> c.get("id").asString())).containsExactly("cp-in-order");
        }
        finally {
            try (var session = db.driver().session()) {
                session.run("MATCH (c:Campaign) DETACH DELETE c").consume();
            }
        }
    }
}
