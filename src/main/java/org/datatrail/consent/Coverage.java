package org.datatrail.consent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.datatrail.consent.ChainFacts.ConsentFacts;
import org.datatrail.consent.ChainFacts.DatasetFacts;
import org.datatrail.consent.ChainFacts.Derivation;
import org.datatrail.consent.ChainFacts.Hop;

/**
 * Whether one use of a chain's data was within what its subjects were told: the heart of the consent rule.
 * <ul>
 * <li>A dataset made from others is covered for a use only where every dataset it was made from is (their subjects
 * are in it), and its own consents too where it has any (data its holder collected itself).</li>
 * <li>Of a dataset's consents, the versions that apply are those in force while the data was collected: its
 * collection period, ending no later than the data left its collector (a version that took effect after that cannot
 * have been what the subjects were told). Versions of one notice are those linked by SUPERSEDES; a version without
 * {@code validUntil} is in force until the one that supersedes it took effect.</li>
 * <li>Where more than one version of a notice may apply, the use is covered only if every one of them covers it (some
 * subjects may have been told one, some another). Different notices or consents of a dataset cover the union of what
 * each covers.</li>
 * <li>A version whose permitted purposes are disputed covers nothing as a fact: coverage cannot rest on a disputed
 * claim.</li>
 * </ul>
 */
final class Coverage {

    /** Why a dataset's consents fell short for a use. */
    enum Kind {
        NO_CONSENT, NOT_PERMITTED, DISPUTED_SCOPE, VERSIONS_DIFFER, NO_VERSION_IN_FORCE
    }

    /**
     * A shortfall of one dataset's consents.
     *
     * @param versions the versions in force (or, for NO_VERSION_IN_FORCE, every version of the notice)
     * @param notCovering the versions in force that do not cover the use
     */
    record Shortfall(DatasetFacts dataset, Kind kind, List<ConsentFacts> versions, List<ConsentFacts> notCovering) {
    }

    /** The answer for one use: covered or not, the shortfalls, the versions applied, and notes worth a caveat. */
    record Result(boolean covered, List<Shortfall> shortfalls, Set<String> applied, Set<String> notes) {
    }

    private final ChainFacts facts;

    Coverage(ChainFacts facts) {
        this.facts = facts;
    }

    ChainFacts facts() {
        return facts;
    }

    /** Whether using {@code datasetId} for {@code purposeId} at hop {@code hop} of the chain was covered. */
    Result of(String datasetId, String purposeId, int hop) {
        return of(datasetId, purposeId, hop, datasetId);
    }

    private Result of(String datasetId, String purposeId, int hop, String usedId) {
        DatasetFacts dataset = facts.datasets().get(datasetId);
        List<Result> parts = new ArrayList<>();
        for (Derivation x : dataset.derivedFrom()) {
            parts.add(of(x.sourceId(), purposeId, hop, usedId));
        }
        if (!dataset.consentIds().isEmpty() || dataset.derivedFrom().isEmpty()) {
            parts.add(own(dataset, purposeId, hop, usedId));
        }
        Set<String> applied = new LinkedHashSet<>();
        Set<String> notes = new LinkedHashSet<>();
        List<Shortfall> shortfalls = new ArrayList<>();
        parts.forEach(p -> {
            applied.addAll(p.applied());
            notes.addAll(p.notes());
            shortfalls.addAll(p.shortfalls());
        });
        return new Result(parts.stream().allMatch(Result::covered), shortfalls, applied, notes);
    }

    private Result own(DatasetFacts dataset, String purposeId, int hop, String usedId) {
        Set<String> applied = new LinkedHashSet<>();
        Set<String> notes = new LinkedHashSet<>();
        if (dataset.consentIds().isEmpty()) {
            return new Result(false, List.of(new Shortfall(dataset, Kind.NO_CONSENT, List.of(), List.of())), applied, notes);
        }
        LocalDate from = dataset.collectedFrom();
        LocalDate left = departure(dataset, hop, usedId);
        LocalDate until = earliest(dataset.collectedUntil(), left);
        List<Shortfall> shortfalls = new ArrayList<>();
        boolean covered = false;
        for (List<ConsentFacts> family : families(dataset.consentIds())) {
            List<ConsentFacts> inForce = family.stream().filter(v -> inForce(v, family, from, until)).toList();
            for (ConsentFacts v : family) {
                if (!inForce.contains(v)) {
                    notes.add("\"" + v.title() + "\" was not in force while the data of " + dataset.name() + " was collected"
                            + period(from, until, left, dataset) + ", so it was not applied.");
                }
            }
            inForce.forEach(v -> applied.add(v.id()));
            if (inForce.isEmpty()) {
                shortfalls.add(new Shortfall(dataset, Kind.NO_VERSION_IN_FORCE, family, List.of()));
                continue;
            }
            if (inForce.size() > 1) {
                notes.add("The subjects of " + dataset.name() + " may have been told any of " + titles(inForce)
                        + ": a use counts as covered only where every one of them covers it.");
            }
            List<ConsentFacts> notCovering = inForce.stream().filter(v -> !v.covers(purposeId)).toList();
            boolean disputed = inForce.stream().anyMatch(ConsentFacts::scopeDisputed);
            if (notCovering.isEmpty() && !disputed) {
                covered = true;
            }
            else if (notCovering.isEmpty()) {
                shortfalls.add(new Shortfall(dataset, Kind.DISPUTED_SCOPE, inForce, notCovering));
            }
            else if (notCovering.size() < inForce.size()) {
                shortfalls.add(new Shortfall(dataset, Kind.VERSIONS_DIFFER, inForce, notCovering));
            }
            else {
                shortfalls.add(new Shortfall(dataset, Kind.NOT_PERMITTED, inForce, notCovering));
            }
        }
        return new Result(covered, covered ? List.of() : merged(dataset, shortfalls), applied, notes);
    }

    /** Several notices of one dataset that simply do not cover the use are one reason: none of them covers it. */
    private static List<Shortfall> merged(DatasetFacts dataset, List<Shortfall> shortfalls) {
        List<Shortfall> plain = shortfalls.stream()
            .filter(s -> s.kind() == Kind.NOT_PERMITTED && s.versions().stream().noneMatch(ConsentFacts::scopeDisputed)).toList();
        if (plain.size() < 2) {
            return shortfalls;
        }
        List<Shortfall> result = new ArrayList<>();
        List<ConsentFacts> versions = plain.stream().flatMap(s -> s.versions().stream()).toList();
        result.add(new Shortfall(dataset, Kind.NOT_PERMITTED, versions, versions));
        shortfalls.stream().filter(s -> !plain.contains(s)).forEach(result::add);
        return result;
    }

    /**
     * The latest the data of {@code dataset} can have left its collector, as far as this chain tells: a hop of the chain
     * up to {@code hop} sent by its holder with that data (or data made from it), or a dated derivation made from it by
     * another organisation on the way to the data used. Null when nothing tells.
     */
    private LocalDate departure(DatasetFacts dataset, int hop, String usedId) {
        LocalDate left = null;
        for (int j = 0; j <= hop && j < facts.hops().size(); j++) {
            Hop h = facts.hops().get(j);
            if (Objects.equals(h.fromId(), dataset.holderId()) && facts.ancestorsOrSelf(h.datasetId()).contains(dataset.id())) {
                left = earliest(left, h.hi());
            }
        }
        for (Derivation x : facts.derivationsBetween(dataset.id(), usedId)) {
            DatasetFacts made = madeBy(x);
            if (made != null && !Objects.equals(made.holderId(), dataset.holderId()) && x.sourceId().equals(dataset.id())) {
                left = earliest(left, x.date());
            }
        }
        return left;
    }

    private DatasetFacts madeBy(Derivation x) {
        return facts.datasets().values().stream().filter(d -> d.derivedFrom().contains(x)).findFirst().orElse(null);
    }

    /** The consents listed, each with every version of its notice (linked by SUPERSEDES either way), one list per notice. */
    private List<List<ConsentFacts>> families(List<String> consentIds) {
        Map<String, List<ConsentFacts>> byRoot = new LinkedHashMap<>();
        List<String> byTitle = consentIds.stream().filter(facts.consents()::containsKey)
            .sorted(Comparator.comparing((String id) -> facts.consents().get(id).title()).thenComparing(Comparator.naturalOrder())).toList();
        for (String id : byTitle) {
            Set<String> family = family(id);
            String root = family.stream().min(Comparator.naturalOrder()).orElseThrow();
            byRoot.computeIfAbsent(root, r -> family.stream().map(facts.consents()::get).filter(Objects::nonNull)
                .sorted(Comparator.comparing(ConsentFacts::validFrom, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(ConsentFacts::id))
                .toList());
        }
        return List.copyOf(byRoot.values());
    }

    private Set<String> family(String consentId) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(List.of(consentId));
        while (!todo.isEmpty()) {
            String id = todo.removeLast();
            if (!seen.add(id)) {
                continue;
            }
            ConsentFacts c = facts.consents().get(id);
            if (c != null && c.supersedesId() != null) {
                todo.add(c.supersedesId());
            }
            facts.consents().values().stream().filter(o -> id.equals(o.supersedesId())).forEach(o -> todo.add(o.id()));
        }
        return seen;
    }

    /** Whether a version was in force at some time in [from, until] (either end may be unknown). */
    private static boolean inForce(ConsentFacts v, List<ConsentFacts> family, LocalDate from, LocalDate until) {
        LocalDate end = v.validUntil();
        for (ConsentFacts later : family) {
            if (v.id().equals(later.supersedesId()) && later.validFrom() != null) {
                end = end == null ? later.validFrom() : end;
            }
        }
        boolean startedInTime = v.validFrom() == null || until == null || !v.validFrom().isAfter(until);
        boolean lastedLongEnough = end == null || from == null || !end.isBefore(from);
        return startedInTime && lastedLongEnough;
    }

    private static String period(LocalDate from, LocalDate until, LocalDate left, DatasetFacts dataset) {
        if (left != null && Objects.equals(until, left)) {
            return " (" + (from != null ? "from " + from + " " : "") + "until it left " + dataset.holderName() + ", by " + left + ")";
        }
        return " (" + (from != null ? "from " + from : "start unknown") + " to " + (until != null ? until : "end unknown") + ")";
    }

    static LocalDate earliest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    static String titles(List<ConsentFacts> versions) {
        return versions.stream().map(v -> "\"" + v.title() + "\"").collect(java.util.stream.Collectors.joining(" and "));
    }
}
