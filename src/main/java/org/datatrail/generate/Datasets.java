package org.datatrail.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The generated datasets and their lineage: the lists suppliers collect, the brokers' own lists, and what brokers and
 * parties make from the data they receive (copies, subsets, merges, enrichments, models), each written as it is made,
 * so a derivation's source is always on an earlier line. It also keeps what each broker and party holds, and since
 * when, which is what the market picks from when they pass data on.
 * <p>
 * Derived data stays shallow: a merge takes only collected lists or data one step from them, and nothing is made from
 * data three steps from a collected list. Real brokers go deeper, but a trace and a verdict read every dataset a chain's
 * data came from, and a few hundred ancestors per dataset would measure the generator rather than the application.
 */
final class Datasets {

    /** The derivation kinds of the facts schema. */
    enum Kind {
        COPY("loaded a copy of", "into"), SUBSET("took part of", "for"), MERGE("merged", "into"), ENRICHMENT("enriched", "into"),
        MODEL("computed scores from", "in");

        final String verb;
        final String preposition;

        Kind(String verb, String preposition) {
            this.verb = verb;
            this.preposition = preposition;
        }
    }

    /** Categories are bits of this list: the adult ones first, then those about children. */
    static final String[] CATEGORIES = { "parent-name", "household-address", "contact-details", "mother-date-of-birth", "child-date-of-birth",
        "presence-of-children-under-5", "number-of-children-under-5" };
    private static final int ADULT_CATEGORIES = 4;
    private static final String[] GROUPS = { "new parents", "expectant mothers", "children under 5", "pensioners", "students", "homeowners",
        "voters", "patients", "young adults", "renters" };
    /** Nothing is made from data this many derivation steps from a collected list. */
    private static final int MAX_GENERATION = 3;

    /**
     * A dataset as the generator remembers it.
     *
     * @param generation 0 for collected data, else one more than the deepest of its sources
     * @param dated the day its derivations are dated, -1 when undated or collected
     */
    record Ds(String id, int holder, int generation, int categories, int groups, int dated) {
    }

    /** Datasets with the day each was there: received (the transfer's day) or made (the day it was ready). */
    static final class Items {
        int[] ds = new int[4];
        int[] day = new int[4];
        int size;

        void add(int dataset, int when) {
            if (size == ds.length) {
                ds = Arrays.copyOf(ds, size * 2);
                day = Arrays.copyOf(day, size * 2);
            }
            ds[size] = dataset;
            day[size++] = when;
        }
    }

    /** What a broker or party holds. */
    static final class Stock {
        final Items received = new Items();
        final Items made = new Items();
        final List<Integer> own = new ArrayList<>();
    }

    private final Records out;
    private final int brokers;
    private final List<Ds> all = new ArrayList<>();
    private final Stock[] stocks;
    private final int[] madeBy;
    /** (organisation << 32 | dataset) for every dataset a broker or party received. */
    private final Set<Long> received = new HashSet<>();

    /** Brokers are organisations 0 .. brokers - 1, parties the next {@code parties}. */
    Datasets(Records out, int brokers, int parties) {
        this.out = out;
        this.brokers = brokers;
        this.stocks = new Stock[brokers + parties];
        Arrays.setAll(stocks, i -> new Stock());
        this.madeBy = new int[brokers + parties];
    }

    Ds get(int dataset) {
        return all.get(dataset);
    }

    Stock stock(int org) {
        return stocks[org];
    }

    /** Whether {@code org} (a broker or party) received {@code dataset} by any transfer so far. */
    boolean received(int org, int dataset) {
        return received.contains((long) org << 32 | dataset);
    }

    /** A supplier's customer list, collected under its notice; the collection period where {@code from} is not negative. */
    int collected(int org, String consent, int from, int until) {
        int categories = 1 << out.nextInt(ADULT_CATEGORIES);
        if (out.nextInt(10) < 3) {
            categories |= 1 << (ADULT_CATEGORIES + out.nextInt(CATEGORIES.length - ADULT_CATEGORIES));
        }
        int groups = 1 << out.nextInt(GROUPS.length);
        ObjectNode o = record("ds-" + org, "Customer list of organisation " + org, org, categories, groups);
        o.putArray("consents").add(consent);
        period(o, from, until);
        o.set("evidence", out.evidence("Organisation " + org + " keeps a customer list"));
        return add(o, new Ds("ds-" + org, org, 0, categories, groups, -1));
    }

    /** A broker's own list, collected under its own notice: data it did not get from anyone upstream. */
    void ownList(int broker, String consent, int from) {
        int categories = 1 << out.nextInt(ADULT_CATEGORIES) | (out.chance(50) ? 1 << out.nextInt(ADULT_CATEGORIES) : 0);
        if (out.chance(10)) {
            categories |= 1 << (ADULT_CATEGORIES + out.nextInt(CATEGORIES.length - ADULT_CATEGORIES));
        }
        int groups = 1 << out.nextInt(GROUPS.length) | 1 << out.nextInt(GROUPS.length);
        String id = "ds-" + broker + "-" + ++madeBy[broker];
        ObjectNode o = record(id, "Own marketing list " + madeBy[broker] + " of organisation " + broker, broker, categories, groups);
        o.putArray("consents").add(consent);
        period(o, from, out.chance(50) ? from + 365 + out.nextInt(1_500) : -1);
        o.set("evidence", out.evidence("Organisation " + broker + " compiles its own marketing list"));
        stocks[broker].own.add(add(o, new Ds(id, broker, 0, categories, groups, -1)));
        out.count("datasets.ownLists");
    }

    /** {@code dataset} reached {@code org} on {@code day}; a broker may make something from it. */
    void arrived(int org, int dataset, int day) {
        if (org >= stocks.length) {
            return;
        }
        if (received.add((long) org << 32 | dataset)) {
            stocks[org].received.add(dataset, day);
            if (org < brokers && out.chance(30)) {
                derive(org, dataset, day);
            }
        }
    }

    /**
     * What a broker makes from data that just arrived: a merge with other bought lists, an enrichment with one of its
     * own lists, a subset, a model (scores) or a copy in its own database.
     */
    private void derive(int broker, int dataset, int day) {
        Ds source = all.get(dataset);
        if (source.generation() >= MAX_GENERATION) {
            return;
        }
        int roll = out.nextInt(100);
        Kind kind = roll < 35 ? Kind.MERGE : roll < 55 ? Kind.ENRICHMENT : roll < 75 ? Kind.SUBSET : roll < 90 ? Kind.MODEL : Kind.COPY;
        List<Integer> sources = new ArrayList<>(List.of(dataset));
        if (kind == Kind.MERGE) {
            mergePartners(stocks[broker].received, dataset, 1 + out.nextInt(4), sources);
            if (sources.size() == 1) {
                kind = Kind.SUBSET;
            }
        }
        else if (kind == Kind.ENRICHMENT) {
            // one of its own lists, not the one that just came back to it through a cycle
            List<Integer> own = stocks[broker].own.stream().filter(d -> d != dataset).toList();
            if (own.isEmpty()) {
                kind = Kind.SUBSET;
            }
            else {
                sources.add(own.get(out.nextInt(own.size())));
            }
        }
        make(broker, kind, sources, day);
    }

    /**
     * What a party makes for its campaigns from the data it received: a target list merged from several, or scores
     * computed from one. Nothing when it received nothing shallow enough.
     */
    void partyList(int party) {
        Items got = stocks[party].received;
        if (got.size == 0) {
            return;
        }
        int pick = out.nextInt(got.size);
        List<Integer> sources = new ArrayList<>(List.of(got.ds[pick]));
        Kind kind = Kind.MODEL;
        if (got.size > 1 && out.chance(60) && all.get(got.ds[pick]).generation() <= 1) {
            mergePartners(got, got.ds[pick], 1 + out.nextInt(2), sources);
            kind = sources.size() > 1 ? Kind.MERGE : Kind.MODEL;
        }
        if (all.get(got.ds[pick]).generation() >= MAX_GENERATION) {
            return;
        }
        int day = 0;
        for (int i = 0; i < got.size; i++) {
            if (sources.contains(got.ds[i])) {
                day = Math.max(day, got.day[i]);
            }
        }
        make(party, kind, sources, day + out.nextInt(60));
    }

    /** Up to {@code wanted} other datasets among the last twelve received, shallow enough to merge. */
    private void mergePartners(Items got, int dataset, int wanted, List<Integer> into) {
        if (all.get(dataset).generation() > 1) {
            return;
        }
        for (int i = got.size - 1; i >= Math.max(0, got.size - 12) && into.size() <= wanted; i--) {
            int other = got.ds[i];
            if (!into.contains(other) && all.get(other).generation() <= 1) {
                into.add(other);
            }
        }
    }

    /**
     * Writes the dataset {@code holder} made from {@code sources} around {@code day}. Most derivations are dated the
     * day the data was ready, a fifth are undated, and one in twenty is dated months after the data was ready (the
     * sources date it late), so an onward transfer made before that date does not follow the data.
     */
    private void make(int holder, Kind kind, List<Integer> sources, int day) {
        int ready = day + out.nextInt(15);
        int roll = out.nextInt(100);
        int dated = roll < 75 ? ready : roll < 95 ? -1 : ready + 120 + out.nextInt(480);
        int generation = 0;
        int categories = 0;
        int groups = 0;
        for (int s : sources) {
            Ds source = all.get(s);
            generation = Math.max(generation, source.generation() + 1);
            categories |= source.categories();
            groups |= source.groups();
        }
        String id = "ds-" + holder + "-" + ++madeBy[holder];
        ObjectNode o = record(id, name(kind, holder, all.get(sources.getFirst()).id()), holder, categories, groups);
        ArrayNode derivedFrom = o.putArray("derivedFrom");
        for (int s : sources) {
            ObjectNode x = derivedFrom.addObject();
            x.put("source", all.get(s).id());
            x.put("kind", kind.name());
            if (dated >= 0) {
                x.put("date", Records.day(dated));
            }
            boolean hedged = out.chance(5);
            String verb = (hedged ? "apparently " : "") + kind.verb;
            if (hedged) {
                x.putArray("hedges").addObject().put("field", "kind").put("wording", verb);
                out.count("derivations.hedged");
            }
            x.set("evidence", out.evidence("Organisation " + holder + " " + verb + " " + all.get(s).id() + " " + kind.preposition + " " + id));
            out.count("derivations." + kind.name());
        }
        out.count(dated < 0 ? "derivations.undated" : dated > ready ? "derivations.datedLate" : "derivations.dated");
        out.count("datasets.derived");
        o.set("evidence", out.evidence("Organisation " + holder + " holds " + id));
        stocks[holder].made.add(add(o, new Ds(id, holder, generation, categories, groups, dated)), ready);
    }

    private static String name(Kind kind, int holder, String source) {
        return switch (kind) {
            case COPY -> "Copy of " + source + " in the database of organisation " + holder;
            case SUBSET -> "Selection from " + source + " by organisation " + holder;
            case MERGE -> "Merged list of organisation " + holder + " (from " + source + " and others)";
            case ENRICHMENT -> source + " enriched by organisation " + holder;
            case MODEL -> "Scores computed by organisation " + holder + " from " + source;
        };
    }

    private ObjectNode record(String id, String name, int holder, int categories, int groups) {
        ObjectNode o = out.object();
        o.put("id", id);
        o.put("name", name);
        o.put("heldBy", "org-" + holder);
        ArrayNode c = o.putArray("dataCategories");
        for (int i = 0; i < CATEGORIES.length; i++) {
            if ((categories & 1 << i) != 0) {
                c.add(CATEGORIES[i]);
            }
        }
        ArrayNode g = o.putArray("subjectGroups");
        for (int i = 0; i < GROUPS.length; i++) {
            if ((groups & 1 << i) != 0) {
                g.add(GROUPS[i]);
            }
        }
        return o;
    }

    private static void period(ObjectNode o, int from, int until) {
        if (from >= 0) {
            o.put("collectedFrom", Records.day(from));
            if (until >= from) {
                o.put("collectedUntil", Records.day(until));
            }
        }
    }

    private int add(ObjectNode record, Ds ds) {
        out.write("datasets", record);
        all.add(ds);
        return all.size() - 1;
    }
}
