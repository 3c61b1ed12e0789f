package org.datatrail.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.datatrail.consent.ConsentFactsCypher;
import org.datatrail.system.CypherFragments;
import org.datatrail.system.CypherResource;

/**
 * Writes the trace statements, one per kind of trace, maximum chain length and set of filters used ({@link Shape}),
 * from the fragments of lineage.cypher, trace-starts.cypher, trace-hops.cypher and trace-projection.cypher. Cypher
 * takes no parameter in a variable name or a quantifier, so the variables of each hop ({@code t3}, {@code o3}, ...) and
 * each length are written in by this class, never user text; every value a request brings is a parameter.
 * <p>
 * Every statement has the same shape: a start (which binds {@code missing}, the ids the request named that do not
 * exist, and an empty {@code found}), then one subquery per chain length, shortest first, each of which adds at most
 * {@code $limit} chains to {@code found} and runs only while the page is not yet full; then the page is cut and
 * projected (trace-projection.cypher), which labels each chain by the lineage rule and gathers what the consent rule
 * reads.
 */
final class TraceStatements {

    private static final Map<String, String> LINEAGE = CypherFragments.load(TraceStatements.class, "lineage.cypher");
    private static final Map<String, String> HOPS = CypherFragments.load(TraceStatements.class, "trace-hops.cypher");
    private static final Map<String, String> STARTS = CypherFragments.load(TraceStatements.class, "trace-starts.cypher");
    private static final String PROJECTION = fill(CypherFragments.withoutComments(CypherResource.load(TraceStatements.class, "trace-projection.cypher")),
            "ways", ways(),
            "lineage", walk(later("start", lo("transfers[0]"))),
            "campaigns", campaigns("endOrg", "endData", "lineage.lo"),
            "sources", ConsentFactsCypher.sources("roots"),
            "hop", ConsentFactsCypher.hop("tk"),
            "datasets", ConsentFactsCypher.datasets("sources"),
            "consents", ConsentFactsCypher.consents("sources"));

    private TraceStatements() {
    }

    /**
     * Which of a trace's filters a request sets. Each is written into the statement only when it is set: the planner
     * spends most of a trace's first run on the text (seconds at 8 hops), and the subqueries of the category, children
     * and purpose filters, repeated at every hop of every chain length, were a third to a half of it when unused.
     * {@code after}: the page starts after the chain $after (a list of transfer ids), not at the first chain.
     */
    record Shape(boolean since, boolean until, boolean children, boolean category, boolean purpose, boolean after) {

        static final Shape NONE = new Shape(false, false, false, false, false, false);

        static Shape of(Traces.Filter filter, boolean after) {
            return new Shape(filter.since() != null, filter.until() != null, filter.childrenOnly(), filter.dataCategory() != null,
                    filter.purpose() != null, after);
        }
    }

    /**
     * traceFlows up to {@code maxHops}: chains from $from, read in transfer-id order, depth first; following the data
     * (the lineage rule prunes each step) or, for {@code follow: CONNECTION}, every chain of transfers.
     */
    static String downstream(FlowBasis follow, int maxHops, Shape shape) {
        return byLength(maxHops, shape, STARTS.get("from"), "o0", n -> downstreamChains(n, follow, shape), PROJECTION);
    }

    /**
     * The walk of {@link #downstream} without the projection: it returns {@code missing} and {@code chains}, the number
     * of chains on the page. What the benchmark counts to show how many organisation chains the lineage rule prunes.
     */
    static String downstreamCount(FlowBasis follow, int maxHops, Shape shape) {
        return byLength(maxHops, shape, STARTS.get("from"), "o0", n -> downstreamChains(n, follow, shape), "RETURN missing, size(page) AS chains");
    }

    private static String downstreamChains(int n, FlowBasis follow, Shape shape) {
        return forwards(fill(STARTS.get("first"), "filter", filter("t", shape), "loT", lo("t")), n, follow, shape) + HOPS.get("end") + "\n"
                + purposeFilter("o" + n, "d" + n, shape) + "LIMIT $limit";
    }

    /** traceDataset up to {@code maxHops} (it has no filters): chains that carried $dataset or data made from it. */
    static String dataset(int maxHops, Shape shape) {
        return byLength(maxHops, shape, STARTS.get("dataset"), "lineage", n -> forwards(fill(STARTS.get("dataset-first"), "filter",
                filter("t", shape), "loT", lo("t"), "hiT", hi("t")), n, FlowBasis.DATA, shape) + "LIMIT $limit", PROJECTION);
    }

    /**
     * upstream for each maxHops 1..8: chains ending at $to, found backwards from it. They cannot come out in the order
     * of their first transfer, so each length is found in full, filtered, sorted by transfer ids and cut to
     * {@code $limit} (a top-n, not a full sort).
     */
    static String upstream(FlowBasis follow, int maxHops, Shape shape) {
        return byLength(maxHops, shape, STARTS.get("to"), "anchor", n -> backwards(n, follow, shape), PROJECTION);
    }

    /** The lineage labels of chains given by transfer ids (lineage.cypher's {@code labels}). */
    static String labels() {
        return complete(fill(LINEAGE.get("labels"), "ways", ways(), "walk", walk(lo("transfers[0]"))));
    }

    /** shortestFlow for each maxHops 1..8. */
    static List<String> shortest() {
        return IntStream.rangeClosed(1, Traces.MAX_HOPS)
            .mapToObj(n -> complete(STARTS.get("between") + "\n" + fill(STARTS.get("shortest"), "maxHops", Integer.toString(n))
                    + "\nWITH missing, found AS page\n" + PROJECTION))
            .toList();
    }

    /**
     * The chains of length {@code n} walking forwards from {@code first} (which binds o0, t1, o1, d1, lo1 and start). To
     * follow the data, each further hop first takes what the previous receiver may pass on ({@code derived}), then
     * steps ({@code next}); otherwise it steps to any transfer ({@code next-any}). No organisation twice. Ends bound to
     * {@code start}, {@code transfers}, {@code orgs}, and the last receiver and dataset.
     */
    private static String forwards(String first, int n, FlowBasis follow, Shape shape) {
        boolean data = follow == FlowBasis.DATA;
        StringBuilder text = new StringBuilder(first).append('\n');
        List<String> orgs = new ArrayList<>(List.of("o0", "o1"));
        List<String> transfers = new ArrayList<>(List.of("t1"));
        text.append("WITH start, o0, t1, o1, d1, lo1 WHERE o1 <> o0").append(after(shape, transfers, n)).append('\n');
        for (int k = 2; k <= n; k++) {
            String from = "o" + (k - 1);
            String kept = "start, " + String.join(", ", orgs) + ", " + String.join(", ", transfers);
            if (data) {
                text.append("WITH ").append(kept).append(", d").append(k - 1).append(", lo").append(k - 1).append(", ")
                    .append(fill(LINEAGE.get("derived"), "holder", from, "data", "d" + (k - 1))).append(" AS carry\n");
                text.append(fill(HOPS.get("next"), "from", from, "carry", "carry", "lo", "lo" + (k - 1), "filter", filter("t", shape),
                        "bounds", bounds("[w IN carry WHERE w.d = x]", "lo" + (k - 1), hi("t")),
                        "t", "t" + k, "r", "o" + k, "d", "d" + k, "later", later(least("bounds"), lo("t")), "lo2", "lo" + k))
                    .append('\n');
                text.append("WITH ").append(kept).append(", t").append(k).append(", o").append(k).append(", d").append(k).append(", lo").append(k);
            }
            else {
                text.append(fill(HOPS.get("next-any"), "from", from, "filter", filter("t", shape), "t", "t" + k, "r", "o" + k)).append('\n');
                text.append("WITH ").append(kept).append(", t").append(k).append(", o").append(k);
            }
            transfers.add("t" + k);
            text.append(" WHERE NOT o").append(k).append(" IN [").append(String.join(", ", orgs)).append("]").append(after(shape, transfers, n)).append('\n');
            orgs.add("o" + k);
        }
        String last = data || n == 1 ? "d" + n : "[(t" + n + ")-[:CARRIES]->(cd) | cd][0] AS d" + n;
        return text.append("WITH start, [").append(String.join(", ", transfers)).append("] AS transfers, [").append(String.join(", ", orgs))
            .append("] AS orgs, o").append(n).append(", ").append(last).append('\n').toString();
    }

    /**
     * The chains of length {@code n} walking backwards from {@code anchor}: the last hop into it, then at each earlier
     * hop, to follow the data, what the sender can have made its data from ({@code sources}) and the step
     * ({@code previous}); otherwise any transfer ({@code previous-any}).
     */
    private static String backwards(int n, FlowBasis follow, Shape shape) {
        boolean data = follow == FlowBasis.DATA;
        StringBuilder text = new StringBuilder("WITH anchor AS o").append(n).append('\n');
        text.append(fill(STARTS.get("last"), "to", "o" + n, "filter", filter("t", shape), "t", "t" + n, "s", "o" + (n - 1), "d", "d" + n, "hiT", hi("t"),
                "hi", "hi" + n)).append('\n');
        List<String> orgs = new ArrayList<>(List.of("o" + (n - 1), "o" + n));
        List<String> transfers = new ArrayList<>(List.of("t" + n));
        text.append("WITH o").append(n - 1).append(", o").append(n).append(", t").append(n).append(", d").append(n).append(", hi").append(n)
            .append(" WHERE o").append(n - 1).append(" <> o").append(n).append('\n');
        for (int k = n - 1; k >= 1; k--) {
            String to = "o" + k;
            String kept = String.join(", ", orgs) + ", " + String.join(", ", transfers) + ", d" + n;
            if (data) {
                text.append("WITH ").append(kept).append(k + 1 == n ? "" : ", d" + (k + 1)).append(", hi").append(k + 1).append(", ")
                    .append(fill(LINEAGE.get("sources"), "holder", to, "data", "d" + (k + 1))).append(" AS carry\n");
                text.append(fill(HOPS.get("previous"), "to", to, "carry", "carry", "hi", "hi" + (k + 1), "filter", filter("t", shape),
                        "bounds", boundsBack("[w IN carry WHERE w.d = x]", "hi" + (k + 1), lo("t")),
                        "t", "t" + k, "s", "o" + (k - 1), "d", "d" + k, "earlier", earlier(greatest("bounds"), hi("t")),
                        "hi2", "hi" + k)).append('\n');
                text.append("WITH ").append(kept).append(", t").append(k).append(", o").append(k - 1).append(", d").append(k).append(", hi").append(k);
            }
            else {
                text.append(fill(HOPS.get("previous-any"), "to", to, "filter", filter("t", shape), "t", "t" + k, "s", "o" + (k - 1))).append('\n');
                text.append("WITH ").append(kept).append(", t").append(k).append(", o").append(k - 1);
            }
            text.append(" WHERE NOT o").append(k - 1).append(" IN [").append(String.join(", ", orgs)).append("]\n");
            orgs.addFirst("o" + (k - 1));
            transfers.addFirst("t" + k);
        }
        return text.append("WITH $dawn AS start, [").append(String.join(", ", transfers)).append("] AS transfers, [")
            .append(String.join(", ", orgs)).append("] AS orgs, o").append(n).append(", d").append(n).append('\n')
            .append(purposeFilter("o" + n, "d" + n, shape))
            .append(shape.after() ? "WITH start, transfers, orgs WHERE " + afterWhole(n) + "\n" : "")
            .append("WITH start, transfers, orgs ORDER BY [x IN transfers | x.id] LIMIT $limit\n").toString();
    }

    /**
     * Keeps the chains that pass $purpose (a transfer, or a campaign of the last receiver with the chain's data, for it);
     * nothing when the request sets no purpose.
     */
    private static String purposeFilter(String endOrg, String endData, Shape shape) {
        return shape.purpose() ? "WITH *\n" + fill(HOPS.get("purpose"), "org", endOrg, "data", endData) + "\n" : "";
    }

    /**
     * Wraps the chains of each length in the subquery that adds them to {@code found} while the page is not full.
     *
     * @param imports the start's anchor variable (besides missing and found)
     * @param tail what the statement returns from {@code missing} and {@code page}, the chains of the page
     */
    private static String byLength(int maxHops, Shape shape, String start, String imports, IntFunction<String> chainsOfLength, String tail) {
        StringBuilder text = new StringBuilder(start).append('\n');
        for (int n = 1; n <= maxHops; n++) {
            text.append("CALL (").append(imports).append(", missing, found) {\n")
                .append("WITH ").append(imports).append(" WHERE size(missing) = 0 AND size(found) < $limit")
                .append(shape.after() ? " AND size($after) <= " + n : "").append('\n')
                .append(chainsOfLength.apply(n)).append('\n')
                .append("RETURN collect({transfers: transfers, orgs: orgs, start: start}) AS more\n}\n")
                .append("WITH ").append(imports).append(", missing, found + more AS found\n");
        }
        return complete(text.append("WITH missing, found[..$limit] AS page\n").append(tail).toString());
    }

    /**
     * Walking forwards, the keyset condition on the last of {@code transfers} in a chain of length {@code n}: where the
     * cursor's chain is of this length and the transfers before agree with its, this one comes at or after its (after
     * it, at the last hop). The walk reads each hop in id order, so this skips exactly the chains up to the cursor's.
     */
    private static String after(Shape shape, List<String> transfers, int n) {
        if (!shape.after()) {
            return "";
        }
        int k = transfers.size();
        String prefix = k == 1 ? "" : " OR [" + String.join(", ", transfers.subList(0, k - 1).stream().map(t -> t + ".id").toList())
                + "] <> $after[0.." + (k - 1) + "]";
        return " AND (size($after) <> " + n + prefix + " OR " + transfers.get(k - 1) + ".id " + (k == n ? ">" : ">=") + " $after[" + (k - 1) + "])";
    }

    /** Walking backwards (each length read in full, then sorted): a chain of length {@code n} comes after the cursor's. */
    private static String afterWhole(int n) {
        return "size($after) <> " + n + " OR any(ai IN range(0, " + (n - 1) + ") WHERE transfers[ai].id > $after[ai] "
                + "AND [ax IN transfers[..ai] | ax.id] = $after[..ai])";
    }

    /** For a known chain (transfers, orgs, carried): the ways between the data of each pair of hops. */
    private static String ways() {
        return fill(LINEAGE.get("ways"), "between", between("la", "lh", "lb"));
    }

    /** The forward walk over a known chain with its {@code ways}, from the bound {@code start}. */
    private static String walk(String start) {
        return fill(LINEAGE.get("walk"), "start", start, "bounds", bounds("ways[k - 1]", "ls.lo", hi("transfers[k]")),
                "loT", lo("transfers[k]"), "later", later(least("lb2"), lo("transfers[k]")));
    }

    private static String campaigns(String org, String data, String lo) {
        return fill(LINEAGE.get("campaigns"), "org", org, "bounds", bounds(between(data, org, "lu"), lo, "coalesce(lcam.endDate, $doom)"),
                "campaign", ConsentFactsCypher.campaign("lcam", "lu"));
    }

    /** The hop filter on a transfer {@code t}: the conditions the request sets, joined, or {@code true}. */
    private static String filter(String t, Shape shape) {
        List<String> parts = new ArrayList<>();
        if (shape.since()) {
            parts.add(fill(HOPS.get("since"), "t", t));
        }
        if (shape.until()) {
            parts.add(fill(HOPS.get("until"), "t", t));
        }
        if (shape.children()) {
            parts.add(fill(HOPS.get("children"), "t", t));
        }
        if (shape.category()) {
            parts.add(fill(HOPS.get("category"), "t", t));
        }
        return parts.isEmpty() ? "true" : String.join("\nAND ", parts);
    }

    private static String between(String from, String holder, String to) {
        return fill(LINEAGE.get("between"), "from", from, "holder", holder, "to", to);
    }

    private static String bounds(String ways, String lo, String hi) {
        return fill(LINEAGE.get("bounds"), "ways", ways, "lo", lo, "hi", hi);
    }

    private static String boundsBack(String ways, String hi, String lo) {
        return fill(LINEAGE.get("bounds-back"), "ways", ways, "hi", hi, "lo", lo);
    }

    private static String lo(String t) {
        return fill(LINEAGE.get("lo"), "t", t);
    }

    private static String hi(String t) {
        return fill(LINEAGE.get("hi"), "t", t);
    }

    private static String later(String a, String b) {
        return fill(LINEAGE.get("later"), "a", a, "b", b);
    }

    private static String earlier(String a, String b) {
        return fill(LINEAGE.get("earlier"), "a", a, "b", b);
    }

    private static String least(String list) {
        return fill(LINEAGE.get("least"), "list", list);
    }

    private static String greatest(String list) {
        return fill(LINEAGE.get("greatest"), "list", list);
    }

    private static String fill(String template, String... pairs) {
        return CypherFragments.fill(template, pairs);
    }

    private static String complete(String statement) {
        return CypherFragments.complete(statement);
    }
}
