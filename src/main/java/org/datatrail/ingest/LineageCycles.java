package org.datatrail.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cycles an input would make in what is derived from what, and in which consent version supersedes which: a
 * dataset cannot, through any chain of derivations, be made from itself, nor can a notice, through any chain of
 * versions, replace itself. What is checked is the graph the write would leave: what is already recorded, except the
 * derivations (or the superseded version) of records the input records again (their records replace them), plus
 * the input's.
 */
final class LineageCycles {

    private LineageCycles() {
    }

    /**
     * @param defined the kind of every id the input defines
     * @param existing what is already recorded
     * @return a problem on the {@code source} of each derivation, and on the {@code supersedes} of each consent, that
     *         would close a cycle, naming the cycle
     */
    static List<Problem> find(List<FactFile> files, Map<String, String> defined, Existing existing) {
        List<Problem> problems = new ArrayList<>(derivations(files, defined, existing));
        problems.addAll(versions(files, defined, existing));
        return problems;
    }

    private static List<Problem> derivations(List<FactFile> files, Map<String, String> defined, Existing existing) {
        Map<String, Set<String>> lineage = new HashMap<>();
        existing.derivedFrom().forEach((dataset, sources) -> {
            if (!Section.DATASETS.label.equals(defined.get(dataset))) {
                lineage.put(dataset, new TreeSet<>(sources));
            }
        });
        for (FactFile file : files) {
            FactValidator.forEachRecord(file, (section, index, record) -> {
                String id = FactValidator.text(record, "id");
                if (section == Section.DATASETS && id != null) {
                    Set<String> sources = lineage.computeIfAbsent(id, d -> new TreeSet<>());
                    FactValidator.forEachDerivation(record, (j, derivation) -> {
                        String source = FactValidator.text(derivation, "source");
                        if (source != null && !source.equals(id)) {
                            sources.add(source);
                        }
                    });
                }
            });
        }
        List<Problem> problems = new ArrayList<>();
        for (FactFile file : files) {
            FactValidator.forEachRecord(file, (section, index, record) -> {
                String id = FactValidator.text(record, "id");
                if (section != Section.DATASETS || id == null) {
                    return;
                }
                Set<String> seen = new HashSet<>();
                FactValidator.forEachDerivation(record, (j, derivation) -> {
                    String source = FactValidator.text(derivation, "source");
                    if (source == null || source.equals(id) || !seen.add(source)) {
                        return; // no source, itself, or twice: refused on their own
                    }
                    List<String> path = path(lineage, source, id);
                    if (!path.isEmpty()) {
                        problems.add(new FactValidator.Where(file, section, index, id).problem("derivedFrom[" + j + "].source",
                                "deriving '" + id + "' from '" + source + "' would make a cycle: " + id + " <- " + String.join(" <- ", path)));
                    }
                });
            });
        }
        return problems;
    }

    private static List<Problem> versions(List<FactFile> files, Map<String, String> defined, Existing existing) {
        Map<String, Set<String>> versions = new HashMap<>();
        existing.supersedes().forEach((newer, older) -> {
            if (!Section.CONSENTS.label.equals(defined.get(newer))) {
                versions.put(newer, new TreeSet<>(Set.of(older)));
            }
        });
        for (FactFile file : files) {
            FactValidator.forEachRecord(file, (section, index, record) -> {
                String id = FactValidator.text(record, "id");
                String older = FactValidator.text(record, "supersedes");
                if (section == Section.CONSENTS && id != null) {
                    versions.put(id, older == null || older.equals(id) ? new TreeSet<>() : new TreeSet<>(Set.of(older)));
                }
            });
        }
        List<Problem> problems = new ArrayList<>();
        for (FactFile file : files) {
            FactValidator.forEachRecord(file, (section, index, record) -> {
                String id = FactValidator.text(record, "id");
                String older = FactValidator.text(record, "supersedes");
                if (section != Section.CONSENTS || id == null || older == null || older.equals(id)) {
                    return; // superseding itself is refused on its own
                }
                List<String> path = path(versions, older, id);
                if (!path.isEmpty()) {
                    problems.add(new FactValidator.Where(file, section, index, id).problem("supersedes", "'" + id + "' superseding '"
                            + older + "' would make a cycle of versions: " + id + " supersedes " + String.join(" supersedes ", path)));
                }
            });
        }
        return problems;
    }

    /** A shortest path {@code from} ... {@code to} along {@code edges} (the same answer every time), or empty when there is none. */
    static List<String> path(Map<String, Set<String>> edges, String from, String to) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(from));
        cameFrom.put(from, from);
        while (!queue.isEmpty()) {
            String node = queue.removeFirst();
            if (node.equals(to)) {
                List<String> path = new ArrayList<>();
                for (String at = to; !at.equals(from); at = cameFrom.get(at)) {
                    path.add(at);
                }
                path.add(from);
                Collections.reverse(path);
                return path;
            }
            for (String next : edges.getOrDefault(node, Set.of())) {
                if (cameFrom.putIfAbsent(next, node) == null) {
                    queue.addLast(next);
                }
            }
        }
        return List.of();
    }
}
