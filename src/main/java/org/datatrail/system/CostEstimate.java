package org.datatrail.system;

import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@link QueryCost} estimated for one operation: a tree of its fields (a fragment's fields are one subtree shared by
 * every spread of it), and the refusal to give when it is over the limit.
 *
 * @param roots the operation's top-level fields
 */
record CostEstimate(List<Node> roots) {

    /**
     * One field of the query: its result key, the size its list is estimated at (1 if not a list), whether a
     * {@code first} can bound it, what is under it, and its cost ({@code 1 + size × the cost under it}), computed once.
     */
    record Node(String name, int size, boolean takesFirst, List<Node> children, double under) {

        Node(String name, int size, boolean takesFirst, List<Node> children) {
            this(name, size, takesFirst, children, children.stream().mapToDouble(Node::cost).sum());
        }

        double cost() {
            return 1 + size * under;
        }
    }

    double cost() {
        return roots.stream().mapToDouble(Node::cost).sum();
    }

    /**
     * What to tell the client: the estimate, the limit, and what to change. When one list carries most of the cost, that
     * is the list whose bounding saves the most (what is under it, times the lists above it, times all but one of its own
     * items), with the {@code first} that would fit; otherwise the cost is spread over many fields (an alias flood), and
     * the message says where.
     */
    String refusal(long limit) {
        double cost = cost();
        StringBuilder message = new StringBuilder("The query's estimated cost is ").append(number(cost))
            .append(", over the limit of ").append(number(limit)).append(" (datatrail.graphql.max-complexity); ");
        Map<Node, Candidate> memo = new IdentityHashMap<>();
        Candidate best = null;
        for (Node root : roots) {
            Candidate candidate = best(root, memo);
            if (candidate != null && (best == null || candidate.saving() > best.saving())) {
                best = candidate.under(root.name(), 1);
            }
        }
        if (best != null && best.multiplier() * best.node().cost() >= cost / 2) {
            double perItem = best.multiplier() * best.node().under();
            long fits = (long) Math.floor((limit - (cost - best.node().size() * perItem)) / perItem);
            message.append("most of it is ").append(best.path()).append(" (").append(best.node().size()).append(" items")
                .append(best.multiplier() > 1 ? " for each of " + number(best.multiplier()) + " above it)" : ")");
            return message.append(fits >= 1 ? ": bound it with first: " + Math.min(fits, Math.min(best.node().size() - 1L, Pages.MAX_FIRST))
                    : ": bound it with first: 1 and ask for fewer fields under it").toString();
        }
        // no one list: follow the only field down to where the cost spreads out
        List<Node> level = roots;
        String path = "";
        double multiplier = 1;
        Node heaviest = level.stream().max(Comparator.comparingDouble(Node::cost)).orElseThrow();
        while (level.size() == 1 && !heaviest.children().isEmpty()) {
            path = path + heaviest.name() + ".";
            multiplier *= heaviest.size();
            level = heaviest.children();
            heaviest = level.stream().max(Comparator.comparingDouble(Node::cost)).orElseThrow();
        }
        return message.append("it is spread over ").append(level.size()).append(" fields")
            .append(path.isEmpty() ? " at the top level" : " under " + path.substring(0, path.length() - 1))
            .append(" (aliases count), the largest ").append(path).append(heaviest.name()).append(" at ")
            .append(number(multiplier * heaviest.cost())).append(": ask for fewer at once").toString();
    }

    /**
     * The list in {@code node}'s subtree whose bounding saves the most, as if {@code node} stood at the top (its path
     * starts below {@code node}, multiplier 1 at {@code node}); a deeper list wins a tie. Memoized by node, as fragments
     * share subtrees.
     */
    private static Candidate best(Node node, Map<Node, Candidate> memo) {
        if (memo.containsKey(node)) {
            return memo.get(node);
        }
        Candidate best = node.takesFirst() && node.size() > 1 ? new Candidate(node, "", 1, (node.size() - 1) * node.under()) : null;
        for (Node child : node.children()) {
            Candidate candidate = best(child, memo);
            if (candidate != null) {
                candidate = candidate.under(child.name(), node.size());
                if (best == null || candidate.saving() >= best.saving()) {
                    best = candidate;
                }
            }
        }
        memo.put(node, best);
        return best;
    }

    private static String number(double n) {
        return String.format(Locale.ROOT, "%,.0f", n);
    }

    private record Candidate(Node node, String path, double multiplier, double saving) {

        /** The same list seen from one level up: {@code name} before its path, {@code size} more of it. */
        Candidate under(String name, int size) {
            return new Candidate(node, path.isEmpty() ? name : name + "." + path, multiplier * size, saving * size);
        }
    }
}
