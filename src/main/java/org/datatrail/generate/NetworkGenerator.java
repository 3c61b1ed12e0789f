package org.datatrail.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.datatrail.generate.Datasets.Stock;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a synthetic network in the import format (one {@code <section>.jsonl} file per section of the facts
 * schema, one record per line), the same for the same seed and size.
 * <p>
 * Its shape follows what investigators meet. A few brokers get most of the supply and send most onward (picked with
 * power-law weights, so degrees are heavy-tailed); brokers sit in eight tiers and mostly pass data to the next tier,
 * so chains run up to 8 hops, with a few transfers back to an earlier tier (cycles). Dates spread over 2015-2022.
 * <p>
 * The data has a lineage, and following it is not the same as following the organisations:
 * <ul>
 * <li>Suppliers collect one list each under a notice or consent of varied scope (some uses are covered, many are
 * breaches), two in five with a collection period. One supplier in five revised its notice later: a second version
 * ({@code supersedes}, {@code validFrom} after the first) that also permits political campaigning or profiling, and
 * half of that supplier's sales are for the purpose only the later version permits, so which version was in force
 * while the data was collected decides the verdict.</li>
 * <li>Brokers hold many datasets: two to five lists of their own (under their own notice), and what they make from
 * what they buy: merges of several bought lists, a bought list enriched with one of their own, subsets, models
 * (scores) and copies, each a dataset of theirs with one derivation per source (see {@link Datasets}). Most
 * derivations are dated after the data arrived, a fifth are undated, and one in twenty is dated so late that onward
 * transfers come before it.</li>
 * <li>What a broker sends is, in date order, the data it received, data it made, one of its own lists, or a supplier's
 * list no recorded transfer brought it (see {@link Market}), so through a hub most organisation chains do not carry
 * the data of the hop before, while chains that do can run several hops. A few onward transfers are dated before
 * their data arrived, and one transfer in ten has only bounds (earliest, latest) instead of a date.</li>
 * <li>Parties run campaigns with data they received or a target list or scores they made from it, mostly after it
 * arrived; two thirds of enforcement actions say whether they were announced, ongoing, taken or withdrawn.</li>
 * </ul>
 * Every fact and derivation carries a generated quote from a generated source, so the data meets the write path's
 * "no fact without evidence"; one derivation in twenty keeps a hedge ("apparently merged") found in its quote. On
 * request, sources also get documents that hold those quotes (see {@link Documents}).
 */
public final class NetworkGenerator {

    /** Network sizes by number of organisations. */
    public enum Size {
        XS(1_000), S(10_000), M(100_000), L(1_000_000);

        public final int organisations;

        Size(int organisations) {
            this.organisations = organisations;
        }
    }

    /**
     * What was written.
     *
     * @param records records per section file
     * @param lineage what the network contains, by name: {@code derivations.<KIND>} (one per source dataset of a made
     *        dataset), {@code derivations.dated|undated|datedLate|hedged}, {@code datasets.ownLists|derived},
     *        {@code transfers.passedOn|derivedData|ownList|neverReceived} (what brokers sent),
     *        {@code transfers.boundsOnly}, {@code transfers.datedBeforeArrival}, {@code transfers.beforeTheirDerivationDate},
     *        {@code consents.laterVersions}, {@code campaigns.withMadeData}, {@code enforcementActions.withStatus}; with
     *        documents, {@code documents}, {@code documents.quotes} (quotes they hold) and {@code documents.public}
     */
    public record Summary(Map<String, Integer> records, Map<String, Integer> lineage, Path dir) {
    }

    /** Who is who: brokers are organisations 0.., then parties, regulators, suppliers, and the receivers last. */
    record Shape(int organisations, int brokers, int parties, int regulators, int suppliers, int sources, double[] brokerWeights) {

        static Shape of(Size size) {
            int n = size.organisations;
            int brokers = Math.max(16, n / 200);
            return new Shape(n, brokers, Math.max(3, n / 5_000), 3, n / 4, Math.max(20, n / 500), powerLaw(brokers, 1.1));
        }

        int firstSupplier() {
            return brokers + parties + regulators;
        }

        int firstReceiver() {
            return firstSupplier() + suppliers;
        }

        /** A broker, picked with weights 1/rank^1.1. */
        int pickBroker(SplittableRandom random) {
            int i = Arrays.binarySearch(brokerWeights, random.nextDouble() * brokerWeights[brokers - 1]);
            return i >= 0 ? i : Math.min(brokers - 1, -i - 1);
        }

        private static double[] powerLaw(int size, double exponent) {
            double[] cumulative = new double[size];
            double sum = 0;
            for (int i = 0; i < size; i++) {
                sum += 1 / Math.pow(i + 1, exponent);
                cumulative[i] = sum;
            }
            return cumulative;
        }
    }

    private static final String[] WORDS = { "Harbour", "Meadow", "Summit", "Beacon", "Crown", "Willow", "Granite", "Orchard", "Falcon",
        "Lantern", "Northern", "Coastal", "Civic", "Bright", "Prime", "Atlas", "Cedar", "Union", "Pioneer", "Heritage" };
    private static final String[] NOUNS = { "Data", "Lists", "Insight", "Marketing", "Media", "Analytics", "Direct", "Response",
        "Audiences", "Mail", "Contact", "Research" };
    private static final String[] RECEIVER_TYPES = { "OTHER", "CONSULTANCY", "CAMPAIGN_GROUP", "PLATFORM" };
    private static final String[] ENFORCEMENT_KINDS = { "FINE", "NOTICE_OF_INTENT", "AUDIT", "ENFORCEMENT_NOTICE", "INQUIRY", "WARNING" };

    private final Shape shape;
    private final Records out;

    private NetworkGenerator(Shape shape, Records out) {
        this.shape = shape;
        this.out = out;
    }

    /** Writes the network for {@code size} and {@code seed} into {@code dir} (created if needed; files replaced). */
    public static Summary generate(Size size, long seed, Path dir) {
        return generate(size, seed, 0, dir);
    }

    /**
     * Writes the network, and {@code documents} source documents of a few pages each into {@code dir/documents}, named
     * {@code <source id>.txt} as {@code source attach --dir} takes them (see {@link Documents}). The facts are those of
     * the network without documents; when there are more documents than the size's sources, more sources are written
     * and the facts cite them all.
     */
    public static Summary generate(Size size, long seed, int documents, Path dir) {
        if (documents < 0) {
            throw new IllegalArgumentException("--documents must not be negative, was " + documents);
        }
        Shape shape = Shape.of(size);
        try (Records out = new Records(dir, seed, shape.sources(), documents)) {
            NetworkGenerator generator = new NetworkGenerator(shape, out);
            generator.write();
            if (documents > 0) {
                new Documents(out, shape, generator::organisationName).write();
            }
            return new Summary(new LinkedHashMap<>(out.counts()), new LinkedHashMap<>(out.lineage()), dir);
        }
    }

    private void write() {
        vocabulary();
        for (int s = 0; s < out.sources(); s++) {
            out.write("sources", source(s));
        }
        for (int i = 0; i < shape.organisations(); i++) {
            out.write("organisations", organisation(i));
        }
        Datasets datasets = new Datasets(out, shape.brokers(), shape.parties());
        int[] start = new int[shape.suppliers()];
        String[] laterPurpose = new String[shape.suppliers()];
        int[] collected = new int[shape.suppliers()];
        for (int s = 0; s < shape.suppliers(); s++) {
            int org = shape.firstSupplier() + s;
            start[s] = out.nextInt(Records.DAYS * 55 / 100);
            laterPurpose[s] = supplierNotice(org, start[s]);
            boolean period = out.chance(40);
            collected[s] = datasets.collected(org, "consent-" + org, period ? start[s] : -1,
                    period && out.chance(60) ? start[s] + 60 + out.nextInt(1_500) : -1);
        }
        for (int b = 0; b < shape.brokers(); b++) {
            brokerNotice(b);
            for (int k = 2 + out.nextInt(4); k > 0; k--) {
                datasets.ownList(b, "consent-" + b, out.nextInt(Records.DAYS / 3));
            }
        }
        new Market(out, shape, datasets, start, laterPurpose, collected).run();
        campaigns(datasets);
        enforcement();
        deletions(datasets);
    }

    private void vocabulary() {
        try (InputStream in = NetworkGenerator.class.getResourceAsStream("/seed/01-vocabulary.json")) {
            JsonNode vocabulary = out.json.readTree(in);
            for (JsonNode p : vocabulary.get("purposes")) {
                out.write("purposes", (ObjectNode) p);
            }
            for (JsonNode c : vocabulary.get("dataCategories")) {
                out.write("dataCategories", (ObjectNode) c);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the vocabulary from the classpath (/seed/01-vocabulary.json)", e);
        }
    }

    private ObjectNode source(int s) {
        ObjectNode o = out.object();
        o.put("id", "gen-source-" + s);
        o.put("title", "Synthetic investigation report " + s);
        o.put("publisher", publisher(s));
        // a source only there for a document takes its date from the documents' random numbers, not the network's
        o.put("published", Records.day(s < out.baseSources() ? out.nextInt(Records.DAYS) : out.documentRandom.nextInt(Records.DAYS)));
        o.put("url", "https://example.org/reports/" + s);
        if (s < out.documents()) {
            // four documents in five may be read whole by journalists, as press articles and published notices may
            boolean open = out.documentRandom.nextInt(5) > 0;
            o.put("public", open);
            if (open) {
                out.count("documents.public");
            }
        }
        return o;
    }

    static String publisher(int source) {
        return WORDS[source % WORDS.length] + " Gazette";
    }

    /** The name of organisation {@code i}, as its record gives it. */
    String organisationName(int i) {
        return name(i, type(i));
    }

    private String type(int i) {
        if (i < shape.brokers()) {
            return "DATA_BROKER";
        }
        if (i < shape.brokers() + shape.parties()) {
            return "POLITICAL_PARTY";
        }
        if (i < shape.firstSupplier()) {
            return "REGULATOR";
        }
        if (i < shape.firstReceiver()) {
            return "DATA_SUPPLIER";
        }
        return RECEIVER_TYPES[i % RECEIVER_TYPES.length];
    }

    private ObjectNode organisation(int i) {
        ObjectNode o = out.object();
        String type = type(i);
        String name = name(i, type);
        o.put("id", "org-" + i);
        o.put("name", name);
        if (i % 7 == 0) {
            o.putArray("aliases").add(WORDS[(i / 7) % WORDS.length] + " " + NOUNS[i % NOUNS.length] + " Group " + i);
        }
        ArrayNode types = o.putArray("types").add(type);
        if (i < shape.brokers() && i % 10 == 0) {
            types.add("CREDIT_REFERENCE_AGENCY");
        }
        o.set("evidence", out.evidence(name + " is listed as " + type.toLowerCase(Locale.ROOT).replace('_', ' ')));
        return o;
    }

    private static String name(int i, String type) {
        return switch (type) {
            case "POLITICAL_PARTY" -> WORDS[i % WORDS.length] + " Party " + i;
            case "REGULATOR" -> "Data Protection Authority " + i;
            default -> WORDS[i % WORDS.length] + " " + NOUNS[(i / WORDS.length) % NOUNS.length] + " Ltd " + i;
        };
    }

    /**
     * A supplier's notice, of varied scope: from service provision only to broad marketing, a few with political
     * campaigning. For one supplier in five, a later version that permits one purpose more; returns that purpose (null
     * when there is no later version).
     */
    private String supplierNotice(int org, int collectionStart) {
        ObjectNode first = notice("consent-" + org, org, "Privacy notice of organisation " + org);
        ArrayNode permitted = first.putArray("permittedPurposes");
        permitted.add(Market.PURPOSES[out.nextInt(5)]);
        if (out.nextInt(4) == 0) {
            permitted.add(out.nextInt(10) == 0 ? "political-campaigning" : "profiling");
        }
        first.set("evidence", out.evidence("Members of organisation " + org + " agreed to " + permitted.get(0).asString()));
        if (!out.chance(20)) {
            out.write("consents", first);
            return null;
        }
        List<String> before = new ArrayList<>(permitted.valueStream().map(JsonNode::asString).toList());
        String added = before.contains("profiling") ? "political-campaigning"
                : before.contains("political-campaigning") || out.chance(50) ? "profiling" : "political-campaigning";
        int from = collectionStart - out.nextInt(365);
        int revised = from + 180 + out.nextInt(1_200);
        first.put("validFrom", Records.day(from));
        if (out.chance(70)) {
            first.put("validUntil", Records.day(revised - 1));
        }
        out.write("consents", first);
        ObjectNode later = notice("consent-" + org + "-v2", org, "Privacy notice of organisation " + org + ", revised");
        ArrayNode more = later.putArray("permittedPurposes");
        before.forEach(more::add);
        more.add(added);
        later.put("validFrom", Records.day(revised));
        later.put("supersedes", "consent-" + org);
        later.set("evidence", out.evidence("From " + Records.day(revised) + " the notice of organisation " + org + " also allowed " + added));
        out.write("consents", later);
        out.count("consents.laterVersions");
        return added;
    }

    /** The notice a broker's own lists were collected under. */
    private void brokerNotice(int broker) {
        ObjectNode o = notice("consent-" + broker, broker, "Privacy notice of organisation " + broker);
        ArrayNode permitted = o.putArray("permittedPurposes").add("direct-marketing").add("data-resale");
        if (out.chance(30)) {
            permitted.add("profiling");
        }
        o.set("evidence", out.evidence("Organisation " + broker + " tells the people on its lists that it sells them"));
        out.write("consents", o);
    }

    private ObjectNode notice(String id, int org, String title) {
        ObjectNode o = out.object();
        o.put("id", id);
        o.put("title", title);
        o.put("kind", out.nextInt(3) == 0 ? "CONSENT" : "PRIVACY_NOTICE");
        o.put("issuedBy", "org-" + org);
        return o;
    }

    /**
     * Each party that received data makes a target list or scores from it, then runs one to four campaigns with what
     * it received or made, most starting after the data was there, one in ten on a date of its own.
     */
    private void campaigns(Datasets datasets) {
        int c = 0;
        for (int p = shape.brokers(); p < shape.brokers() + shape.parties(); p++) {
            datasets.partyList(p);
        }
        for (int p = shape.brokers(); p < shape.brokers() + shape.parties(); p++) {
            Stock stock = datasets.stock(p);
            if (stock.received.size == 0) {
                continue;
            }
            for (int k = 0, count = 1 + out.nextInt(4); k < count; k++) {
                List<Integer> used = new ArrayList<>();
                int ready = 0;
                if (stock.made.size > 0 && out.chance(50)) {
                    int i = out.nextInt(stock.made.size);
                    used.add(stock.made.ds[i]);
                    ready = stock.made.day[i];
                    out.count("campaigns.withMadeData");
                }
                for (int j = 0, more = 1 + out.nextInt(2); j < more; j++) {
                    int i = out.nextInt(stock.received.size);
                    if (!used.contains(stock.received.ds[i])) {
                        used.add(stock.received.ds[i]);
                        ready = Math.max(ready, stock.received.day[i]);
                    }
                }
                ObjectNode o = out.object();
                o.put("id", "campaign-" + c++);
                o.put("name", "Election mailing " + k + " of party " + p);
                o.put("runBy", "org-" + p);
                o.putArray("purposes").add("political-campaigning");
                o.put("channel", out.random.nextBoolean() ? "post" : "email");
                ArrayNode list = o.putArray("datasets");
                used.forEach(d -> list.add(datasets.get(d).id()));
                int start = out.nextInt(10) == 0 ? out.nextInt(Records.DAYS) : ready + out.nextInt(Math.max(1, Math.min(200, Records.DAYS - 31 - ready)));
                o.put("startDate", Records.day(start));
                o.put("endDate", Records.day(start + 30));
                o.set("evidence", out.evidence("Party " + p + " ran mailing " + k));
                out.write("campaigns", o);
            }
        }
    }

    private void enforcement() {
        for (int e = 0; e < Math.max(5, shape.organisations() / 1_000); e++) {
            int against = out.random.nextBoolean() ? out.nextInt(shape.brokers()) : shape.firstSupplier() + out.nextInt(shape.suppliers());
            String kind = ENFORCEMENT_KINDS[out.nextInt(ENFORCEMENT_KINDS.length)];
            ObjectNode o = out.object();
            o.put("id", "enforcement-" + e);
            o.put("kind", kind);
            o.put("regulator", "org-" + (shape.brokers() + shape.parties() + out.nextInt(shape.regulators())));
            o.put("against", "org-" + against);
            if (kind.equals("FINE")) {
                o.put("amount", 1_000 * (1 + out.nextInt(500)));
                o.put("currency", "GBP");
            }
            o.put("date", Records.day(out.nextInt(Records.DAYS)));
            if (out.nextInt(3) > 0) {
                o.put("status", status(kind));
                out.count("enforcementActions.withStatus");
            }
            o.set("evidence", out.evidence("The regulator took action against organisation " + against));
            out.write("enforcementActions", o);
        }
    }

    /** What the sources say became of an action: fines and notices are mostly taken, audits and inquiries may be under way. */
    private String status(String kind) {
        int roll = out.nextInt(10);
        return switch (kind) {
            case "AUDIT", "INQUIRY" -> roll < 4 ? "ANNOUNCED" : roll < 8 ? "ONGOING" : "TAKEN";
            case "NOTICE_OF_INTENT" -> roll < 4 ? "ANNOUNCED" : roll < 9 ? "TAKEN" : "WITHDRAWN";
            default -> roll < 9 ? "TAKEN" : "WITHDRAWN";
        };
    }

    /** A few brokers say they deleted a list they had bought, some time after it arrived. */
    private void deletions(Datasets datasets) {
        for (int e = 0; e < Math.max(5, shape.organisations() / 2_000); e++) {
            int who = out.nextInt(shape.brokers());
            Datasets.Items got = datasets.stock(who).received;
            if (got.size == 0) {
                continue;
            }
            int i = out.nextInt(got.size);
            ObjectNode o = out.object();
            o.put("id", "event-" + e);
            o.put("kind", "DELETION");
            o.put("description", "Organisation " + who + " deleted a list it had bought.");
            o.put("date", Records.day(got.day[i] + 30 + out.nextInt(700)));
            o.putArray("organisations").add("org-" + who);
            o.putArray("datasets").add(datasets.get(got.ds[i]).id());
            o.set("evidence", out.evidence("Organisation " + who + " said it deleted the list"));
            out.write("events", o);
        }
    }
}
