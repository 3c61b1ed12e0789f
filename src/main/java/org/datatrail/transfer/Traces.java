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
import org.datatrail.system.NotFoundException;
import org.datatrail.system.Pages;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

/**
 * Computes traces: one statement per trace (a subquery per chain length, see trace-downstream.cypher), then
 * the consent rule on each chain in memory.
 */
@Service
public final class Traces {

    /** Hop bounds accepted by every trace. */
    public static final int MAX_HOPS = 8;

    private static final Map<String, String> FILTERS = CypherResource.named(Traces.class, "trace-filter.cypher");
    private static final String FILTER = FILTERS.get("simple") + "\n" + FILTERS.get("purpose");
    private static final String PROJECTION = CypherResource.load(Traces.class, "trace-projection.cypher");
    private static final List<String> DOWNSTREAM = downstreamVariants();
    private static final List<String> UPSTREAM = upstreamVariants();
    private static final List<String> SHORTEST = shortestVariants();

    private final GraphReads reads;

    public Traces(GraphReads reads) {
        this.reads = reads;
    }

    /** What a downstream trace keeps; null fields do not filter. */
    public record Filter(String to, String toType, java.time.LocalDate since, java.time.LocalDate until, String dataCategory,
            boolean childrenOnly, String purpose) {
    }

    /**
     * A Cypher statement and its parameters: everything a trace sends to Neo4j (the benchmark runs the same on
     * the driver to compare with GraphQL). It returns one row: {@code missing}, the ids the request named that
     * are no organisation, and {@code paths}, the page of chains.
     */
    public record Statement(String text, Map<String, Object> parameters) {
    }

    /**
     * Chains from {@code from}, shortest first, then by transfer ids.
     *
     * @throws NotFoundException if {@code from} or {@code filter.to()} names no organisation
     */
    public List<FlowPath> downstream(String from, Filter filter, int maxHops, Pages.Page page) {
        return run(downstreamStatement(from, filter, maxHops, page), page);
    }

    /** Chains ending at {@code to}, shortest first, then by transfer ids. */
    public List<FlowPath> upstream(String to, java.time.LocalDate since, java.time.LocalDate until, int maxHops, Pages.Page page) {
        return run(upstreamStatement(to, since, until, maxHops, page), page);
    }

    /** The shortest chain between two organisations, either way round; empty if there is none. */
    public List<FlowPath> shortest(String between, String and, int maxHops) {
        return run(shortestStatement(between, and, maxHops), new Pages.Page(0, 1));
    }

    public static Statement downstreamStatement(String from, Filter filter, int maxHops, Pages.Page page) {
        Map<String, Object> params = params(filter, page);
        params.put("from", from);
        return new Statement(DOWNSTREAM.get(maxHops - 1), params);
    }

    public static Statement upstreamStatement(String to, java.time.LocalDate since, java.time.LocalDate until, int maxHops,
            Pages.Page page) {
        Map<String, Object> params = params(new Filter(null, null, since, until, null, false, null), page);
        params.put("to", to);
        return new Statement(UPSTREAM.get(maxHops - 1), params);
    }

    public static Statement shortestStatement(String between, String and, int maxHops) {
        Map<String, Object> params = params(new Filter(null, null, null, null, null, false, null), new Pages.Page(0, 1));
        params.put("between", between);
        params.put("and", and);
        return new Statement(SHORTEST.get(maxHops - 1), params);
    }

    private List<FlowPath> run(Statement statement, Pages.Page page) {
        Record row = reads.rows(statement.text(), statement.parameters()).getFirst();
        List<String> missing = row.get("missing").asList(Value::asString);
        if (!missing.isEmpty()) {
            throw new NotFoundException("organisation", missing.getFirst());
        }
        List<Value> chains = row.get("paths").asList(v -> v);
        List<FlowPath> paths = new ArrayList<>();
        for (int i = 0; i < chains.size(); i++) {
            Value chain = chains.get(i);
            List<Hop> hops = chain.get("hops").asList(Traces::hop);
            List<CampaignUse> campaigns = chain.get("campaigns").asList(Traces::campaign);
            paths.add(new FlowPath(chain.get("organisations").asList(Value::asString), hops.stream().map(Hop::transferId).toList(),
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
        p.put("limit", page.offset() + page.size());
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
     * The downstream statement for each maxHops 1..8 (see trace-downstream.cypher). Within a length, the hops are
     * read in transfer-id order, depth first, so the chains arrive in the order of the page (the order of a sorted
     * subquery is kept by the joins and filters after it) and {@code LIMIT} stops the walk at the page's last
     * chain. The simple-chain check is made at each hop, so a cycle is cut where it closes. Variable names are
     * written in by the application, never user text.
     */
    private static List<String> downstreamVariants() {
        var parts = CypherResource.named(Traces.class, "trace-downstream.cypher");
        return byLength(parts.get("anchor"), n -> {
            StringBuilder chains = new StringBuilder();
            List<String> orgs = new ArrayList<>(List.of("anchor"));
            List<String> transfers = new ArrayList<>();
            for (int k = 1; k <= n; k++) {
                String t = "t" + k;
                String o = "o" + k;
                chains.append(parts.get("hop").replace("/*from*/", orgs.getLast()).replace("/*t*/", t).replace("/*o*/", o)).append('\n');
                transfers.add(t);
                chains.append("WITH ").append(String.join(", ", orgs)).append(", ").append(String.join(", ", transfers)).append(", ").append(o)
                    .append(" WHERE NOT ").append(o).append(" IN [").append(String.join(", ", orgs)).append("]\n");
                orgs.add(o);
            }
            return chains.append("WITH [").append(String.join(", ", transfers)).append("] AS transfers, [").append(String.join(", ", orgs))
                .append("] AS orgs\n").append(parts.get("end")).append('\n').append(FILTERS.get("purpose")).append("\nLIMIT $limit")
                .toString();
        });
    }

    /**
     * The upstream statement for each maxHops 1..8. Read backwards from the anchor, the chains cannot come out in
     * the order of their first transfer, so each length is found in full, filtered, sorted by transfer ids and cut
     * to {@code $limit} (a top-n, not a full sort). Cypher takes no parameter in a quantifier, so each length is
     * written in as a literal, never user text.
     */
    private static List<String> upstreamVariants() {
        var parts = CypherResource.named(Traces.class, "trace-upstream.cypher");
        return byLength(parts.get("anchor"), n -> parts.get("level").replace("/*hops*/", Integer.toString(n)) + "\n" + FILTER
                + "\nWITH transfers, orgs ORDER BY [x IN transfers | x.id] LIMIT $limit");
    }

    /**
     * For each maxHops 1..8: the anchor (which binds {@code anchor}, {@code missing} and an empty {@code found}),
     * then one subquery per chain length, shortest first, adding at most {@code $limit} chains of that length (in
     * page order, as {@code transfers} and {@code orgs}) to {@code found}. A subquery whose page is already full,
     * or whose organisations are missing, gets no input row, so it expands nothing: a page filled by short chains
     * never reads the long ones. Then the page is cut and projected.
     */
    private static List<String> byLength(String anchor, java.util.function.IntFunction<String> chainsOfLength) {
        return IntStream.rangeClosed(1, MAX_HOPS).mapToObj(maxHops -> {
            StringBuilder text = new StringBuilder(anchor).append('\n');
            for (int n = 1; n <= maxHops; n++) {
                text.append("CALL (anchor, missing, found) {\n")
                    .append("WITH anchor WHERE size(missing) = 0 AND size(found) < $limit\n")
                    .append(chainsOfLength.apply(n)).append('\n')
                    .append("RETURN collect({transfers: transfers, orgs: orgs}) AS more\n}\n")
                    .append("WITH anchor, missing, found + more AS found\n");
            }
            return text.append("WITH missing, found[$offset..$limit] AS page\n").append(PROJECTION).toString();
        }).toList();
    }

    private static List<String> shortestVariants() {
        var parts = CypherResource.named(Traces.class, "trace-shortest.cypher");
        String text = parts.get("anchor") + "\nWITH missing, COLLECT {\n" + parts.get("chains") + "\n" + FILTER
                + "\nWITH transfers, orgs ORDER BY size(transfers), [x IN transfers | x.id]\nRETURN {transfers: transfers, orgs: orgs}\n"
                + "}[$offset..$limit] AS page\n" + PROJECTION;
        return IntStream.rangeClosed(1, MAX_HOPS).mapToObj(n -> text.replace("/*maxHops*/8", Integer.toString(n))).toList();
    }
}
