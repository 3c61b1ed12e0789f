package org.datatrail.document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.datatrail.system.CypherResource;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Component;

/**
 * Finds the organisations a passage mentions when its document is attached: those whose whole folded name or alias
 * is a run of whole words of the passage's folded text, ordered by where they are first named. The mentions are then
 * stored as {@code (:Passage)-[:MENTIONS {at}]->(:Organisation)}, so that a search reads them instead of looking every
 * passage's words up in the organisation index at request time.
 * <p>
 * It looks each run of a passage's words up in a table of every organisation's folded names, kept in memory and
 * reloaded when the names have changed: every write that adds an organisation or changes its names or aliases sets a
 * new random {@code version} on the one {@code :OrganisationNames} node (and links that organisation to the passages
 * already stored that name it: {@code write-organisation-mentions.cypher}). An attach takes that node's lock before it
 * reads the version, and holds it until it commits, as that write does: so either the attach sees the organisation
 * (the write committed first) or the write sees the attach's passages (the attach committed first).
 */
@Component
final class OrganisationNames {

    private static final Map<String, String> QUERIES = CypherResource.named(OrganisationNames.class, "attach.cypher");

    /** Every organisation's folded names, as of one version of the names. */
    private record Table(String version, Map<String, List<String>> idsByName, Set<String> prefixes) {
    }

    /** Where an organisation is first named in a passage: an offset into the passage's folded text. */
    record Mention(String id, int at) {
    }

    private final AtomicReference<Table> table = new AtomicReference<>();

    /**
     * Locks the names (until the transaction ends) and answers a matcher for them: the table in memory, or, when the
     * names have changed since it was made, a new one read in this transaction.
     */
    Matcher lockAndRead(TransactionContext tx) {
        String version = tx.run(QUERIES.get("lockNames")).single().get("version").asString(null);
        Table current = table.get();
        if (current == null || !Objects.equals(current.version(), version)) {
            current = read(tx, version);
            table.set(current);
        }
        return new Matcher(current);
    }

    private static Table read(TransactionContext tx, String version) {
        Map<String, List<String>> ids = new HashMap<>();
        Set<String> prefixes = new HashSet<>();
        for (Record r : tx.run(QUERIES.get("names")).list()) {
            String id = r.get("id").asString();
            for (String name : r.get("searchText").asString("").split("\n")) {
                if (name.isEmpty()) {
                    continue;
                }
                ids.computeIfAbsent(name, n -> new ArrayList<>(1)).add(id);
                // every run of whole words a name starts with, so a passage's runs stop growing once no name starts so
                for (int space = name.indexOf(' '); space > 0; space = name.indexOf(' ', space + 1)) {
                    prefixes.add(name.substring(0, space));
                }
            }
        }
        return new Table(version, ids, prefixes);
    }

    /** The organisations named in folded texts, by one table of names. */
    static final class Matcher {

        private final Table table;

        private Matcher(Table table) {
            this.table = table;
        }

        /**
         * The organisations whose whole folded name or alias is a run of whole words of {@code folded} (a passage's
         * text folded by {@link org.datatrail.organisation.SearchText#fold}), each with the offset of its first
         * mention, ordered by that offset, then by id.
         */
        List<Mention> mentionedIn(String folded) {
            Map<String, Integer> firstAt = new HashMap<>();
            List<Integer> starts = new ArrayList<>();
            for (int i = 0; i < folded.length(); i++) {
                if (folded.charAt(i) != ' ' && (i == 0 || folded.charAt(i - 1) == ' ')) {
                    starts.add(i);
                }
            }
            for (int w = 0; w < starts.size(); w++) {
                int start = starts.get(w);
                for (int next = w + 1; ; next++) {
                    int end = next < starts.size() ? starts.get(next) - 1 : folded.length();
                    String run = folded.substring(start, end);
                    for (String id : table.idsByName().getOrDefault(run, List.of())) {
                        firstAt.merge(id, start, Math::min);
                    }
                    if (next >= starts.size() || !table.prefixes().contains(run)) {
                        break;
                    }
                }
            }
            return firstAt.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Mention(e.getKey(), e.getValue())).toList();
        }
    }
}
