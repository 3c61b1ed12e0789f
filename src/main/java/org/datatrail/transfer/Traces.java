package org.datatrail.transfer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.datatrail.consent.ConsentRule;
import org.datatrail.consent.ConsentRule.CampaignUse;
import org.datatrail.consent.ConsentRule.ConsentRef;
import org.datatrail.consent.ConsentRule.Hop;
import org.datatrail.consent.ConsentRule.PurposeRef;
import org.datatrail.system.CypherResource;
import org.datatrail.system.GraphReads;
import org.datatrail.system.Pages;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

/**
 * Computes traces: one database round trip per trace (a quantified-path query), then the consent rule on
 * each chain in memory.
 */
@Service
public final class Traces {

    /** Hop bounds accepted by every trace. */
    public static final int MAX_HOPS = 8;

    private static final String FILTER = CypherResource.load(Traces.class, "trace-filter.cypher");
    private static final String PROJECTION = CypherResource.load(Traces.class, "trace-projection.cypher");
    private static final List<String> DOWNSTREAM = byLength("trace-downstream.cypher");
    private static final List<String> UPSTREAM = byLength("trace-upstream.cypher");
    private static final List<String> SHORTEST = shortestVariants();

    private final GraphReads reads;

    public Traces(GraphReads reads) {
        this.reads = reads;
    }

    /** What a downstream trace keeps; null fields do not filter. */
    public record Filter(String to, String toType, java.time.LocalDate since, java.time.LocalDate until, String dataCategory,
            boolean childrenOnly, String purpose) {
    }

    /** A Cypher statement and its parameters. */
    public record Statement(String text, Map<String, Object> parameters) {
    }

    /**
     * What a trace sends to Neo4j: one statement per chain length, 1 to maxHops, run in that order until the page
     * ({@code offset + first} chains) is full. Each statement returns at most the chains still needed.
     */
    public record Plan(List<Statement> byLength, Pages.Page page) {

        /** Runs the statements in order with {@code run} until the page is full; the page's rows. */
        public <R> List<R> execute(java.util.function.Function<Statement, List<R>> run) {
            int needed = page.offset() + page.size();
            List<R> rows = new ArrayList<>();
            for (Statement statement : byLength) {
                if (rows.size() >= needed) {
                    break;
                }
                Map<String, Object> parameters = new HashMap<>(statement.parameters());
                parameters.put("limit", needed - rows.size());
                rows.addAll(run.apply(new Statement(statement.text(), parameters)));
            }
            return rows.size() <= page.offset() ? List.of() : rows.subList(page.offset(), Math.min(rows.size(), needed));
        }
    }

    public List<FlowPath> downstream(String from, Filter filter, int maxHops, Pages.Page page) {
        return paths(downstreamPlan(from, filter, maxHops, page).execute(s -> reads.rows(s.text(), s.parameters())), page);
    }

    public List<FlowPath> upstream(String to, java.time.LocalDate since, java.time.LocalDate until, int maxHops, Pages.Page page) {
        return paths(upstreamPlan(to, since, until, maxHops, page).execute(s -> reads.rows(s.text(), s.parameters())), page);
    }

    /** The statements a downstream trace runs (the benchmark runs them on the driver to compare with GraphQL). */
    public static Plan downstreamPlan(String from, Filter filter, int maxHops, Pages.Page page) {
        Map<String, Object> params = params(filter, page);
        params.put("from", from);
        return new Plan(DOWNSTREAM.subList(0, maxHops).stream().map(text -> new Statement(text, params)).toList(), page);
    }

    /** The statements an upstream trace runs. */
    public static Plan upstreamPlan(String to, java.time.LocalDate since, java.time.LocalDate until, int maxHops, Pages.Page page) {
        Map<String, Object> params = params(new Filter(null, null, since, until, null, false, null), page);
        params.put("to", to);
        return new Plan(UPSTREAM.subList(0, maxHops).stream().map(text -> new Statement(text, params)).toList(), page);
    }

    public List<FlowPath> shortest(String between, String and, int maxHops) {
        Map<String, Object> params = params(new Filter(null, null, null, null, null, false, null), new Pages.Page(0, 1));
        params.put("between", between);
        params.put("and", and);
        return run(SHORTEST.get(maxHops - 1), params, new Pages.Page(0, 1));
    }

    private List<FlowPath> run(String query, Map<String, Object> params, Pages.Page page) {
        return paths(reads.rows(query, params), page);
    }

    private static List<FlowPath> paths(List<Record> rows, Pages.Page page) {
        List<FlowPath> paths = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Record row = rows.get(i);
            List<Hop> hops = row.get("hops").asList(Traces::hop);
            List<CampaignUse> campaigns = row.get("campaigns").asList(Traces::campaign);
            paths.add(new FlowPath(row.get("organisations").asList(Value::asString), hops.stream().map(Hop::transferId).toList(),
                    ConsentRule.check(hops, campaigns), Pages.cursor(page.offset() + i)));
        }
        return paths;
    }

    private static Map<String, Object> params(Filter f, Pages.Page page) {
        Map<String, Object> p = new HashMap<>();
        p.put("to", f.to());
        p.put("toType", f.toType());
        p.put("since", f.since());
        p.put("until", f.until());
        p.put("category", f.dataCategory());
        p.put("childrenOnly", f.childrenOnly());
        p.put("purpose", f.purpose());
        p.put("offset", page.offset());
        p.put("first", page.size());
        return p;
    }

    private static Hop hop(Value v) {
        return new Hop(v.get("id").asString(), v.get("from").asString(), v.get("to").asString(), v.get("dataset").asString("the data"),
                v.get("purposes").asList(Traces::purpose), v.get("consents").asList(Traces::consent),
                v.get("evidence").asList(Value::asString));
    }

    private static ConsentRef consent(Value v) {
        return new ConsentRef(v.get("id").asString(), v.get("title").asString(), v.get("covers").asList(Traces::purpose),
                v.get("evidence").asList(Value::asString));
    }

    private static CampaignUse campaign(Value v) {
        return new CampaignUse(v.get("id").asString(), v.get("name").asString(), v.get("purposes").asList(Traces::purpose),
                v.get("evidence").asList(Value::asString));
    }

    private static PurposeRef purpose(Value v) {
        return new PurposeRef(v.get("id").asString(), v.get("name").asString());
    }

    /**
     * The statement for each chain length 1..8: the chains of exactly that many transfers, filtered, sorted by
     * transfer ids and cut to {@code $limit} (a top-n, not a full sort), then projected. Cypher takes no parameter
     * in a quantifier, so the length is written in as a literal, never user text. Running the lengths one by one,
     * shortest first, and stopping when the page is full means that around a broker that passes data to
     * thousands, a page of 50 chains costs the short chains it holds, not the millions of long ones behind them;
     * and each statement stays small enough to plan in milliseconds.
     */
    private static List<String> byLength(String file) {
        var parts = CypherResource.named(Traces.class, file);
        String text = parts.get("anchor") + "\n" + parts.get("level") + "\n" + FILTER
                + "\nORDER BY [x IN transfers | x.id]\nLIMIT $limit\n" + PROJECTION;
        return IntStream.rangeClosed(1, MAX_HOPS).mapToObj(n -> text.replace("/*hops*/", Integer.toString(n))).toList();
    }

    private static List<String> shortestVariants() {
        String text = CypherResource.load(Traces.class, "trace-shortest.cypher") + "\n" + FILTER
                + "\nORDER BY size(transfers), [x IN transfers | x.id]\nSKIP $offset LIMIT $first\n" + PROJECTION;
        return IntStream.rangeClosed(1, MAX_HOPS).mapToObj(n -> text.replace("/*maxHops*/8", Integer.toString(n))).toList();
    }
}
