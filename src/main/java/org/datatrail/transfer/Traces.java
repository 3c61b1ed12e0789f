package org.datatrail.transfer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.datatrail.consent.ChainFacts;
import org.datatrail.consent.ChainFactsReader;
import org.datatrail.consent.ChainFacts.Hop;
import org.datatrail.consent.ConsentRule;
import org.datatrail.consent.ConsentRule.ConsentCheck;
import org.datatrail.organisation.Suggestions;
import org.datatrail.system.GraphReads;
import org.datatrail.system.NotFoundException;
import org.datatrail.system.Pages;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;

/**
 * Computes traces: one statement per trace (see {@link TraceStatements}), which finds the chains, labels each by the
 * lineage rule and gathers what the consent rule reads; then the consent rule and the caveats of each chain, in memory.
 */
@Service
public final class Traces {

    /** Hop bounds accepted by every trace. */
    public static final int MAX_HOPS = 8;

    /**
     * The statements written so far, by kind, basis, maxHops and the filters set: a statement is written once, not per
     * request. At most {@value #STATEMENTS_KEPT} are kept (the least recently used goes), since every combination of
     * filters is a statement of its own, of up to 60 K characters at 8 hops.
     */
    private static final Map<StatementKey, String> STATEMENTS = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<StatementKey, String> eldest) {
            return size() > STATEMENTS_KEPT;
        }
    });
    private static final int STATEMENTS_KEPT = 128;
    private static final List<String> SHORTEST = TraceStatements.shortest();

    private static final String LABELS = TraceStatements.labels();

    private final GraphReads reads;

    public Traces(GraphReads reads) {
        this.reads = reads;
    }

    /**
     * What a trace keeps; null fields do not filter.
     *
     * @param follow DATA keeps only chains that follow the data; CONNECTION keeps every chain of transfers, each labelled
     */
    public record Filter(String to, String toType, LocalDate since, LocalDate until, String dataCategory, boolean childrenOnly, String purpose,
            FlowBasis follow) {

        /** No filter: every chain, labelled (for shortestFlow and reports). */
        public static final Filter NONE = new Filter(null, null, null, null, null, false, null, FlowBasis.CONNECTION);
    }

    /**
     * A Cypher statement and its parameters: everything a trace sends to Neo4j (the benchmark runs the same on the driver
     * to compare with GraphQL). It returns one row: {@code missing}, the ids the request named that do not exist, and
     * {@code paths}, the page of chains.
     */
    public record Statement(String text, Map<String, Object> parameters) {
    }

    /**
     * Chains from {@code from}, shortest first, then by transfer ids.
     *
     * @throws NotFoundException if {@code from} or {@code filter.to()} names no organisation
     */
    public List<FlowPath> downstream(String from, Filter filter, int maxHops, Pages.Page page) {
        return run(downstreamStatement(from, filter, maxHops, page), page, "organisation", "traceFlows", from);
    }

    /** Chains that carried the dataset {@code id} or data made from it, shortest first, then by transfer ids. */
    public List<FlowPath> dataset(String id, int maxHops, Pages.Page page) {
        return run(datasetStatement(id, maxHops, page), page, "dataset", "traceDataset", id);
    }

    /** Chains ending at {@code to}, shortest first, then by transfer ids. */
    public List<FlowPath> upstream(String to, Filter filter, int maxHops, Pages.Page page) {
        return run(upstreamStatement(to, filter, maxHops, page), page, "organisation", "upstream", to);
    }

    /** The shortest chain between two organisations, either way round, labelled by what it rests on; empty if there is none. */
    public List<FlowPath> shortest(String between, String and, int maxHops) {
        Pages.Page page = new Pages.Page(0, 1);
        Map<String, Object> params = params(Filter.NONE, page);
        params.put("between", between);
        params.put("and", and);
        return run(new Statement(SHORTEST.get(maxHops - 1), params), page, "organisation", "shortestFlow", between + " " + and);
    }

    /**
     * The lineage label of chains found elsewhere (reports): for each chain of transfer ids, the index of the first hop
     * whose data the sources do not tie to the hop before, or null for a DATA chain.
     *
     * @param tx a READ transaction
     */
    public static List<Integer> lineageBreaks(org.neo4j.driver.QueryRunner tx, List<List<String>> chains) {
        if (chains.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>(Map.of("chains", chains, "dawn", LocalDate.MIN, "doom", LocalDate.MAX));
        return tx.run(LABELS, params).list(r -> r.get("brk").isNull() ? null : r.get("brk").asInt());
    }

    public static Statement downstreamStatement(String from, Filter filter, int maxHops, Pages.Page page) {
        Map<String, Object> params = params(filter, page);
        params.put("from", from);
        return new Statement(statement(Kind.DOWNSTREAM, filter, maxHops), params);
    }

    /**
     * How many chains {@link #downstreamStatement} finds on {@code page}, counted by the same walk without reading the
     * chains: one row, {@code missing} and {@code chains}. With {@code follow} DATA and CONNECTION, the number of
     * organisation chains the lineage rule prunes (the benchmark reports it).
     */
    public static Statement downstreamCountStatement(String from, Filter filter, int maxHops, Pages.Page page) {
        Map<String, Object> params = params(filter, page);
        params.put("from", from);
        return new Statement(statement(Kind.DOWNSTREAM_COUNT, filter, maxHops), params);
    }

    /** The statement of {@link #dataset}: chains that carried the dataset {@code id} or data made from it. */
    public static Statement datasetStatement(String id, int maxHops, Pages.Page page) {
        Filter none = new Filter(null, null, null, null, null, false, null, FlowBasis.DATA);
        Map<String, Object> params = params(none, page);
        params.put("dataset", id);
        return new Statement(statement(Kind.DATASET, none, maxHops), params);
    }

    public static Statement upstreamStatement(String to, Filter filter, int maxHops, Pages.Page page) {
        Map<String, Object> params = params(filter, page);
        params.put("to", to);
        return new Statement(statement(Kind.UPSTREAM, filter, maxHops), params);
    }

    private enum Kind {
        DOWNSTREAM, DOWNSTREAM_COUNT, DATASET, UPSTREAM
    }

    private record StatementKey(Kind kind, FlowBasis follow, int maxHops, TraceStatements.Shape shape) {
    }

    private static String statement(Kind kind, Filter filter, int maxHops) {
        StatementKey key = new StatementKey(kind, filter.follow(), maxHops, TraceStatements.Shape.of(filter));
        return STATEMENTS.computeIfAbsent(key, k -> switch (k.kind()) {
            case DOWNSTREAM -> TraceStatements.downstream(k.follow(), k.maxHops(), k.shape());
            case DOWNSTREAM_COUNT -> TraceStatements.downstreamCount(k.follow(), k.maxHops(), k.shape());
            case DATASET -> TraceStatements.dataset(k.maxHops());
            case UPSTREAM -> TraceStatements.upstream(k.follow(), k.maxHops(), k.shape());
        });
    }

    private List<FlowPath> run(Statement statement, Pages.Page page, String anchorKind, String list, String scope) {
        Record row = reads.rows(statement.text(), statement.parameters()).getFirst();
        List<String> missing = row.get("missing").asList(Value::asString);
        if (!missing.isEmpty()) {
            String id = missing.getFirst();
            // only on this failure path: what the caller may have meant, by the organisation search's index
            String hint = anchorKind.equals("organisation") ? Suggestions.didYouMean(reads.rows(Suggestions.QUERY, Suggestions.parameters(id))) : "";
            throw new NotFoundException(anchorKind, id, null, hint);
        }
        List<Value> chains = row.get("paths").asList(v -> v);
        List<FlowPath> paths = new ArrayList<>();
        for (int i = 0; i < chains.size(); i++) {
            paths.add(path(chains.get(i), Pages.cursor(list, scope, page.offset() + i)));
        }
        return paths;
    }

    /**
     * One chain of the projection, judged by the consent rule and described by its caveats. A CONNECTION chain is
     * judged up to its break: past it the transfers moved other data, whose uses say nothing of the data the chain
     * started with (they are judged in chains of their own).
     */
    static FlowPath path(Value chain, String cursor) {
        ChainFacts facts = ChainFactsReader.read(chain);
        Integer breaks = chain.get("lineageBreaksAtHop").isNull() ? null : chain.get("lineageBreaksAtHop").asInt();
        ConsentCheck check = ConsentRule.check(breaks == null ? facts : facts.prefix(breaks));
        return new FlowPath(chain.get("organisations").asList(Value::asString), facts.hops().stream().map(Hop::transferId).toList(),
                facts.hops().stream().map(Hop::datasetId).toList(), breaks == null ? FlowBasis.DATA : FlowBasis.CONNECTION, breaks,
                Caveats.of(facts, breaks, check), check, cursor);
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
        p.put("dawn", LocalDate.MIN);
        p.put("doom", LocalDate.MAX);
        p.put("offset", page.offset());
        p.put("limit", page.offset() + page.size());
        return p;
    }

}
