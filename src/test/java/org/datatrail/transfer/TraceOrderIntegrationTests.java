package org.datatrail.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.datatrail.support.GeneratedNetwork;
import org.datatrail.support.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;

/**
 * The downstream trace reads its chains in order and stops when the page is full, instead of finding every
 * chain and sorting. On a generated network (size XS, with its brokers, cycles and lineage), every page it returns
 * is the page that finding every simple chain and sorting them (shortest first, then by transfer ids) gives; and
 * every page of a trace that follows the data (pruned by the lineage rule as it walks) is the page of the chains
 * that the lineage rule, applied to each whole chain afterwards as reports label theirs, does not break.
 */
@ExtendWith(GeneratedNetwork.class)
class TraceOrderIntegrationTests {

    /** Every simple chain up to four hops, sorted: the definition of a trace's order, written the plain way. */
    private static final String EVERY_CHAIN_SORTED = """
            MATCH (a:Organisation {id: $from})
            MATCH (a)((:Organisation)-[:SENT]->(t:Transfer)-[:TO]->(o:Organisation)
                WHERE ($since IS NULL OR t.date >= $since)){1,4}
            WITH t AS transfers, [a] + o AS orgs
            WHERE all(i IN range(0, size(orgs) - 2) WHERE NOT orgs[i] IN orgs[i + 1..])
              AND ($toType IS NULL OR $toType IN last(orgs).types)
            WITH [x IN transfers | x.id] AS ids
            RETURN ids ORDER BY size(ids), ids SKIP $offset LIMIT $first""";

    static TestDatabase db;

    @BeforeAll
    static void network(TestDatabase network) {
        db = network;
    }

    @Test
    void everyPageIsThePageOfEveryChainSorted() {
        List<String> suppliers = db.rows("MATCH (o:Organisation)-[:SENT]->() WHERE 'DATA_SUPPLIER' IN o.types "
                + "RETURN DISTINCT o.id AS id ORDER BY id LIMIT 40", Map.of()).stream().map(r -> (String) r.get("id")).toList();
        assertThat(suppliers).hasSize(40);
        int fullPages = 0;
        int dataChains = 0;
        for (String from : suppliers) {
            for (String toType : new String[] { null, "POLITICAL_PARTY" }) {
                for (LocalDate since : new LocalDate[] { null, LocalDate.of(2019, 1, 1) }) {
                    // labelling every chain is the plain, slower way: on a quarter of the suppliers
                    boolean checkData = suppliers.indexOf(from) % 4 == 0;
                    List<List<String>> data = checkData ? labelledData(from, toType, since) : null;
                    List<List<String>> every = sorted(from, toType, since, new Window(0, 1_000_000));
                    // the first page of 50, and the 5 chains after the 7th (a keyset cursor: the 7th chain's transfer ids)
                    for (Window page : List.of(new Window(0, 50), new Window(7, 5))) {
                        List<List<String>> expected = sorted(from, toType, since, page);
                        assertThat(traced(from, toType, since, keyset(every, page), FlowBasis.CONNECTION)).as("from %s, toType %s, since %s, %s", from,
                                toType, since, page).isEqualTo(expected);
                        if (checkData && (page.offset() == 0 || data.size() >= page.offset())) {
                            List<List<String>> expectedData = data.subList(Math.min(page.offset(), data.size()),
                                    Math.min(page.offset() + page.size(), data.size()));
                            assertThat(traced(from, toType, since, keyset(data, page), FlowBasis.DATA)).as("DATA from %s, toType %s, since %s, %s", from,
                                    toType, since, page).isEqualTo(expectedData);
                            dataChains += expectedData.size();
                        }
                        fullPages += expected.size() == page.size() ? 1 : 0;
                    }
                }
            }
        }
        // the walk stops at a full page, so full pages are what the comparison must cover
        assertThat(fullPages).isGreaterThan(40);
        assertThat(dataChains).as("DATA chains compared").isGreaterThan(30);
    }

    /**
     * Every chain (up to four hops) in the trace's order that the lineage rule, applied to each whole chain afterwards
     * (as reports label theirs), does not break: the definition of a DATA page, written the plain way.
     */
    private static List<List<String>> labelledData(String from, String toType, LocalDate since) {
        List<List<String>> every = sorted(from, toType, since, new Window(0, 1_000_000));
        try (var session = db.driver().session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build());
                var tx = session.beginTransaction()) {
            List<Integer> breaks = Traces.lineageBreaks(tx, every);
            List<List<String>> data = new ArrayList<>();
            for (int i = 0; i < every.size(); i++) {
                if (breaks.get(i) == null) {
                    data.add(every.get(i));
                }
            }
            return data;
        }
    }

    /** A stretch of a sorted list: skip {@code offset} chains, take {@code size}. */
    private record Window(int offset, int size) {
    }

    /** The keyset page that starts where {@code page} does in {@code chains}: after the chain before it. */
    private static Traces.Page keyset(List<List<String>> chains, Window page) {
        if (page.offset() == 0) {
            return Traces.Page.first(page.size());
        }
        // past the end of a short list: after its last chain
        return new Traces.Page(chains.isEmpty() ? List.of("~") : chains.get(Math.min(page.offset(), chains.size()) - 1), page.size());
    }

    private static List<List<String>> traced(String from, String toType, LocalDate since, Traces.Page page, FlowBasis follow) {
        Traces.Statement statement = Traces.downstreamStatement(from, new Traces.Filter(null, toType, since, null, null, false, null, follow), 4,
                page);
        try (var session = db.driver().session()) {
            Value paths = session.run(statement.text(), statement.parameters()).single().get("paths");
            List<List<String>> chains = new ArrayList<>();
            paths.values().forEach(path -> chains.add(path.get("hops").asList(hop -> hop.get("id").asString())));
            return chains;
        }
    }

    private static List<List<String>> sorted(String from, String toType, LocalDate since, Window page) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("from", from);
        parameters.put("toType", toType);
        parameters.put("since", since);
        parameters.put("offset", page.offset());
        parameters.put("first", page.size());
        try (var session = db.driver().session()) {
            return session.run(EVERY_CHAIN_SORTED, parameters).list(r -> r.get("ids").asList(Value::asString));
        }
    }
}
