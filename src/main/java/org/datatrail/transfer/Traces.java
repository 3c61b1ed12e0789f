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
import org.datatrail.system.BadArgumentException;
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
     * A page of a trace: the chains after the chain {@code after} (its transfer ids; null for the first page) in the
     * trace's order, shortest first, then by transfer ids, at most {@code size} of them. A keyset: the walk starts at
     * that chain's place (each hop skips the transfers before it), so no cursor makes a statement enumerate the pages
     * before it, and a chain written meanwhile neither shifts nor repeats a page.
     */
    public record Page(List<String> after, int size) {

        public Page {
            after = after == null ? null : List.copyOf(after);
        }

        /** The first page, of {@code size} chains. */
        public static Page first(int size) {
            return new Page(null, size);
        }
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
    public List<FlowPath> downstream(String from, Filter filter, int maxHops, Page page) {
        return run(downstreamStatement(from, filter, maxHops, page), "organisation", "traceFlows", from, arguments(filter, maxHops));
    }

    /** Chains that carried the dataset {@code id} or data made from it, shortest first, then by transfer ids. */
    public List<FlowPath> dataset(String id, int maxHops, Page page) {
        return run(datasetStatement(id, maxHops, page), "dataset", "traceDataset", id, "maxHops " + maxHops);
    }

    /** Chains ending at {@code to}, shortest first, then by transfer ids. */
    public List<FlowPath> upstream(String to, Filter filter, int maxHops, Page page) {
        return run(upstreamStatement(to, filter, maxHops, page), "organisation", "upstream", to, arguments(filter, maxHops));
    }

    /**
     * The arguments besides the anchor that make a trace's list what it is, as a cursor carries them: a cursor continues
     * only the trace it came from, never the same start with other filters.
     */
    public static String arguments(Filter filter, int maxHops) {
        return "maxHops " + maxHops + ", follow " + filter.follow() + (filter.to() == null ? "" : ", to " + filter.to())
                + (filter.toType() == null ? "" : ", toType " + filter.toType()) + (filter.since() == null ? "" : ", since " + filter.since())
                + (filter.until() == null ? "" : ", until " + filter.until())
                + (filter.dataCategory() == null ? "" : ", dataCategory " + filter.dataCategory())
                + (filter.childrenOnly() ? ", childrenOnly" : "") + (filter.purpose() == null ? "" : ", purpose " + filter.purpose());
    }

    /**
     * The page a trace's {@code after} asks for.
     *
     * @param list the query field ({@code traceFlows}, {@code upstream}, {@code traceDataset})
     * @param scope its anchor
     * @param arguments {@link #arguments} of the request
     * @throws BadArgumentException naming {@code after} for a cursor that is not one of this trace
     */
    public static Page page(Integer first, String after, String list, String scope, String arguments) {
        int size = Pages.first(first, 50);
        if (after == null) {
            return Page.first(size);
        }
        List<String> key = Pages.key(after, list, scope, 2);
        if (!key.get(0).equals(arguments)) {
            throw new BadArgumentException("after", "is a cursor of " + list + " from '" + scope + "' with " + key.get(0)
                    + ", not with " + arguments + ": a cursor continues only the list it came from");
        }
        List<String> ids = List.of(key.get(1).split(" ", -1));
        if (ids.size() > MAX_HOPS || ids.stream().anyMatch(String::isEmpty)) {
            throw new BadArgumentException("after", "is not a cursor this API gave out ('" + after + "')");
        }
        return new Page(ids, size);
    }

    /** The shortest chain between two organisations, either way round, labelled by what it rests on; empty if there is none. */
    public List<FlowPath> shortest(String between, String and, int maxHops) {
        Map<String, Object> params = params(Filter.NONE, Page.first(1));
        params.put("between", between);
        params.put("and", and);
        return run(new Statement(SHORTEST.get(maxHops - 1), params), "organisation", "shortestFlow", between + " " + and, "maxHops " + maxHops);
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

    public static Statement downstreamStatement(String from, Filter filter, int maxHops, Page page) {
        Map<String, Object> params = params(filter, page);
        params.put("from", from);
        return new Statement(statement(Kind.DOWNSTREAM, filter, maxHops, page), params);
    }

    /**
     * How many chains {@link #downstreamStatement} finds on {@code page}, counted by the same walk without reading the
     * chains: one row, {@code missing} and {@code chains}. With {@code follow} DATA and CONNECTION, the number of
     * organisation chains the lineage rule prunes (the benchmark reports it).
     */
    public static Statement downstreamCountStatement(String from, Filter filter, int maxHops, Page page) {
        Map<String, Object> params = params(filter, page);
        params.put("from", from);
        return new Statement(statement(Kind.DOWNSTREAM_COUNT, filter, maxHops, page), params);
    }

    /** The statement of {@link #dataset}: chains that carried the dataset {@code id} or data made from it. */
    public static Statement datasetStatement(String id, int maxHops, Page page) {
        Filter none = new Filter(null, null, null, null, null, false, null, FlowBasis.DATA);
        Map<String, Object> params = params(none, page);
        params.put("dataset", id);
        return new Statement(statement(Kind.DATASET, none, maxHops, page), params);
    }

    public static Statement upstreamStatement(String to, Filter filter, int maxHops, Page page) {
        Map<String, Object> params = params(filter, page);
        params.put("to", to);
        return new Statement(statement(Kind.UPSTREAM, filter, maxHops, page), params);
    }

    private enum Kind {
        DOWNSTREAM, DOWNSTREAM_COUNT, DATASET, UPSTREAM
    }

    private record StatementKey(Kind kind, FlowBasis follow, int maxHops, TraceStatements.Shape shape) {
    }

    private static String statement(Kind kind, Filter filter, int maxHops, Page page) {
        StatementKey key = new StatementKey(kind, filter.follow(), maxHops, TraceStatements.Shape.of(filter, page.after() != null));
        return STATEMENTS.computeIfAbsent(key, k -> switch (k.kind()) {
            case DOWNSTREAM -> TraceStatements.downstream(k.follow(), k.maxHops(), k.shape());
            case DOWNSTREAM_COUNT -> TraceStatements.downstreamCount(k.follow(), k.maxHops(), k.shape());
            case DATASET -> TraceStatements.dataset(k.maxHops(), k.shape());
            case UPSTREAM -> TraceStatements.upstream(k.follow(), k.maxHops(), k.shape());
        });
    }

    private List<FlowPath> run(Statement statement, String anchorKind, String list, String scope, String arguments) {
        Record row = reads.rows(statement.text(), statement.parameters()).getFirst();
        List<String> missing = row.get("missing").asList(Value::asString);
        if (!missing.isEmpty()) {
            String id = missing.getFirst();
            // only on this failure path: what the caller may have meant (organisations by their search index)
            String hint = Suggestions.didYouMean(anchorKind.equals("organisation") ? reads.rows(Suggestions.QUERY, Suggestions.parameters(id))
                    : reads.rows(Suggestions.DATASET_QUERY, Map.of("words", Suggestions.words(id))));
            throw new NotFoundException(anchorKind, id, null, hint);
        }
        List<Value> chains = row.get("paths").asList(v -> v);
        List<FlowPath> paths = new ArrayList<>();
        for (int i = 0; i < chains.size(); i++) {
            Value chain = chains.get(i);
            String ids = String.join(" ", chain.get("hops").asList(hop -> hop.get("id").asString()));
            paths.add(path(chain, Pages.keyset(list, scope, arguments, ids)));
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

    private static Map<String, Object> params(Filter f, Page page) {
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
        p.put("after", page.after());
        p.put("limit", page.size());
        return p;
    }

}
