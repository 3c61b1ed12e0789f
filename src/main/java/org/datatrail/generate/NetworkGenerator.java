package org.datatrail.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a synthetic network in the import format (one {@code <section>.jsonl} file per section of the facts
 * schema, one record per line), the same for the same seed and size.
 * <p>
 * Its shape follows what investigators meet: a few brokers get most of the supply and send most onward
 * (picked with power-law weights, so degrees are heavy-tailed); brokers sit in eight tiers and mostly pass
 * data to the next tier, so chains run up to 8 hops, with a few transfers back to an earlier tier (cycles);
 * suppliers collect data under consents of varied scope, so some uses are covered and some are breaches;
 * parties receive data and run campaigns with it; dates spread over 2015-2022. Every fact carries a
 * generated quote from a generated source, so the data meets the write path's "no fact without evidence".
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

    /** What was written: records per section file. */
    public record Summary(Map<String, Integer> records, Path dir) {
    }

    static final List<String> FILE_ORDER = List.of("sources", "purposes", "dataCategories", "organisations", "consents", "datasets",
            "transfers", "campaigns", "enforcementActions", "events");

    private static final int TIERS = 8;
    private static final String[] WORDS = { "Harbour", "Meadow", "Summit", "Beacon", "Crown", "Willow", "Granite", "Orchard", "Falcon",
        "Lantern", "Northern", "Coastal", "Civic", "Bright", "Prime", "Atlas", "Cedar", "Union", "Pioneer", "Heritage" };
    private static final String[] NOUNS = { "Data", "Lists", "Insight", "Marketing", "Media", "Analytics", "Direct", "Response",
        "Audiences", "Mail", "Contact", "Research" };
    private static final String[] GROUPS = { "new parents", "expectant mothers", "children under 5", "pensioners", "students",
        "homeowners", "voters", "patients", "young adults", "renters" };
    private static final String[] CHILD_CATEGORIES = { "child-date-of-birth", "presence-of-children-under-5", "number-of-children-under-5" };
    private static final String[] ADULT_CATEGORIES = { "parent-name", "household-address", "contact-details", "mother-date-of-birth" };
    private static final String[] PURPOSES = { "service-provision", "direct-marketing", "postal-marketing", "email-marketing",
        "third-party-marketing", "political-campaigning", "profiling", "data-resale" };
    private static final String[] RECEIVER_TYPES = { "OTHER", "CONSULTANCY", "CAMPAIGN_GROUP", "PLATFORM" };
    private static final LocalDate FIRST_DAY = LocalDate.of(2015, 1, 1);
    private static final int DAYS = 8 * 365;

    private final JsonMapper json = JsonMapper.builder().build();
    private final SplittableRandom random;
    private final int n;
    private final int brokers;
    private final int parties;
    private final int regulators;
    private final int suppliers;
    private final int sources;
    private final double[] brokerWeights;
    private final List<List<String>> received;

    private NetworkGenerator(Size size, long seed) {
        this.random = new SplittableRandom(seed);
        this.n = size.organisations;
        this.brokers = Math.max(16, n / 200);
        this.parties = Math.max(3, n / 5_000);
        this.regulators = 3;
        this.suppliers = n / 4;
        this.sources = Math.max(20, n / 500);
        this.brokerWeights = powerLaw(brokers, 1.1);
        this.received = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            received.add(i < brokers + parties ? new ArrayList<>() : List.of());
        }
    }

    /** Writes the network for {@code size} and {@code seed} into {@code dir} (created if needed; files replaced). */
    public static Summary generate(Size size, long seed, Path dir) {
        return new NetworkGenerator(size, seed).write(dir);
    }

    private Summary write(Path dir) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try {
            Files.createDirectories(dir);
            Map<String, BufferedWriter> out = new LinkedHashMap<>();
            for (String section : FILE_ORDER) {
                out.put(section, Files.newBufferedWriter(dir.resolve(section + ".jsonl"), StandardCharsets.UTF_8));
                counts.put(section, 0);
            }
            Writer w = (section, record) -> {
                out.get(section).write(json.writeValueAsString(record));
                out.get(section).write('\n');
                counts.merge(section, 1, Integer::sum);
            };
            vocabulary(w);
            for (int s = 0; s < sources; s++) {
                w.write("sources", source(s));
            }
            for (int i = 0; i < n; i++) {
                w.write("organisations", organisation(i));
            }
            for (int i = firstSupplier(); i < firstSupplier() + suppliers; i++) {
                w.write("consents", consent(i));
                w.write("datasets", dataset(i));
            }
            transfers(w);
            campaignsAndEnforcement(w);
            for (BufferedWriter b : out.values()) {
                b.close();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write the generated network to " + dir, e);
        }
        return new Summary(counts, dir);
    }

    @FunctionalInterface
    private interface Writer {
        void write(String section, ObjectNode record) throws IOException;
    }

    private int firstSupplier() {
        return brokers + parties + regulators;
    }

    private String type(int i) {
        if (i < brokers) {
            return "DATA_BROKER";
        }
        if (i < brokers + parties) {
            return "POLITICAL_PARTY";
        }
        if (i < firstSupplier()) {
            return "REGULATOR";
        }
        if (i < firstSupplier() + suppliers) {
            return "DATA_SUPPLIER";
        }
        return RECEIVER_TYPES[i % RECEIVER_TYPES.length];
    }

    private void vocabulary(Writer w) throws IOException {
        try (InputStream in = NetworkGenerator.class.getResourceAsStream("/seed/01-vocabulary.json")) {
            JsonNode vocabulary = json.readTree(in);
            for (JsonNode p : vocabulary.get("purposes")) {
                w.write("purposes", (ObjectNode) p);
            }
            for (JsonNode c : vocabulary.get("dataCategories")) {
                w.write("dataCategories", (ObjectNode) c);
            }
        }
    }

    private ObjectNode source(int s) {
        ObjectNode o = json.createObjectNode();
        o.put("id", "gen-source-" + s);
        o.put("title", "Synthetic investigation report " + s);
        o.put("publisher", WORDS[s % WORDS.length] + " Gazette");
        o.put("published", date().toString());
        o.put("url", "https://example.org/reports/" + s);
        return o;
    }

    private ObjectNode organisation(int i) {
        ObjectNode o = json.createObjectNode();
        String type = type(i);
        String name = name(i, type);
        o.put("id", "org-" + i);
        o.put("name", name);
        if (i % 7 == 0) {
            o.putArray("aliases").add(WORDS[(i / 7) % WORDS.length] + " " + NOUNS[i % NOUNS.length] + " Group " + i);
        }
        ArrayNode types = o.putArray("types").add(type);
        if (i < brokers && i % 10 == 0) {
            types.add("CREDIT_REFERENCE_AGENCY");
        }
        o.set("evidence", evidence(name + " is listed as " + type.toLowerCase(Locale.ROOT).replace('_', ' ')));
        return o;
    }

    private static String name(int i, String type) {
        return switch (type) {
            case "POLITICAL_PARTY" -> WORDS[i % WORDS.length] + " Party " + i;
            case "REGULATOR" -> "Data Protection Authority " + i;
            default -> WORDS[i % WORDS.length] + " " + NOUNS[(i / WORDS.length) % NOUNS.length] + " Ltd " + i;
        };
    }

    private ObjectNode consent(int i) {
        ObjectNode o = json.createObjectNode();
        o.put("id", "consent-" + i);
        o.put("title", "Privacy notice of organisation " + i);
        o.put("kind", random.nextInt(3) == 0 ? "CONSENT" : "PRIVACY_NOTICE");
        o.put("issuedBy", "org-" + i);
        ArrayNode permitted = o.putArray("permittedPurposes");
        // Varied scope: from service provision only to broad marketing; a few include political campaigning.
        permitted.add(PURPOSES[random.nextInt(5)]);
        if (random.nextInt(4) == 0) {
            permitted.add(random.nextInt(10) == 0 ? "political-campaigning" : "profiling");
        }
        o.set("evidence", evidence("Members of organisation " + i + " agreed to " + permitted.get(0).asString()));
        return o;
    }

    private ObjectNode dataset(int i) {
        ObjectNode o = json.createObjectNode();
        o.put("id", "ds-" + i);
        o.put("name", "Customer list of organisation " + i);
        o.put("heldBy", "org-" + i);
        ArrayNode categories = o.putArray("dataCategories").add(ADULT_CATEGORIES[random.nextInt(ADULT_CATEGORIES.length)]);
        if (random.nextInt(10) < 3) {
            categories.add(CHILD_CATEGORIES[random.nextInt(CHILD_CATEGORIES.length)]);
        }
        o.putArray("subjectGroups").add(GROUPS[random.nextInt(GROUPS.length)]);
        o.putArray("consents").add("consent-" + i);
        o.set("evidence", evidence("Organisation " + i + " keeps a customer list"));
        return o;
    }

    private void transfers(Writer w) throws IOException {
        int id = 0;
        // 1. Supply: every supplier sells its list to one or two brokers, popular brokers more often.
        for (int s = firstSupplier(); s < firstSupplier() + suppliers; s++) {
            int count = 1 + (random.nextInt(3) == 0 ? 1 : 0);
            for (int k = 0; k < count; k++) {
                int broker = pick(brokerWeights);
                w.write("transfers", transfer(id++, s, broker, "ds-" + s));
            }
        }
        // 2. Brokers to brokers, tier by tier (broker b is in tier b % 8), so chains run up to 8 hops;
        // one in thirty goes back to an earlier tier, which makes cycles.
        int brokerToBroker = n / 10;
        for (int k = 0; k < brokerToBroker; k++) {
            int from = pick(brokerWeights);
            int tier = from % TIERS;
            boolean back = random.nextInt(30) == 0 || tier == TIERS - 1;
            int targetTier = back ? random.nextInt(Math.max(1, tier)) : tier + 1;
            int to = brokerInTier(targetTier);
            if (to != from && !received.get(from).isEmpty()) {
                w.write("transfers", transfer(id++, from, to, carried(from)));
            }
        }
        // 3. Brokers to end users (marketers, platforms, consultancies) and parties: heavy fan-out from big brokers.
        int outward = (int) (n * 0.45);
        int firstReceiver = firstSupplier() + suppliers;
        for (int k = 0; k < outward; k++) {
            int from = pick(brokerWeights);
            if (received.get(from).isEmpty()) {
                continue;
            }
            int to = random.nextInt(20) == 0 ? brokers + random.nextInt(parties) : firstReceiver + random.nextInt(n - firstReceiver);
            w.write("transfers", transfer(id++, from, to, carried(from)));
        }
    }

    private int brokerInTier(int tier) {
        // Brokers of a tier are tier, tier + 8, tier + 16, ...; the lower indexes are the popular ones.
        int perTier = (brokers - tier + TIERS - 1) / TIERS;
        int rank = Math.min(perTier - 1, (int) Math.floor(perTier * Math.pow(random.nextDouble(), 3)));
        return tier + rank * TIERS;
    }

    private String carried(int broker) {
        List<String> got = received.get(broker);
        return got.get(random.nextInt(got.size()));
    }

    private ObjectNode transfer(int id, int from, int to, String dataset) {
        if (to < brokers + parties) {
            received.get(to).add(dataset);
        }
        ObjectNode o = json.createObjectNode();
        o.put("id", "tr-" + id);
        o.put("from", "org-" + from);
        o.put("to", "org-" + to);
        o.put("dataset", dataset);
        o.put("date", date().toString());
        if (random.nextInt(20) == 0) {
            o.putNull("recordCount");
        }
        else {
            o.put("recordCount", (long) Math.exp(6 + random.nextDouble() * 8));
        }
        String purpose = to >= brokers && to < brokers + parties ? "political-campaigning" : PURPOSES[random.nextInt(PURPOSES.length)];
        o.putArray("purposes").add(purpose);
        o.set("evidence", evidence("Organisation " + from + " passed " + dataset + " to organisation " + to));
        return o;
    }

    private void campaignsAndEnforcement(Writer w) throws IOException {
        int c = 0;
        for (int p = brokers; p < brokers + parties; p++) {
            List<String> got = received.get(p);
            for (int k = 0; k < 1 + random.nextInt(4) && !got.isEmpty(); k++) {
                ObjectNode o = json.createObjectNode();
                o.put("id", "campaign-" + c++);
                o.put("name", "Election mailing " + k + " of party " + p);
                o.put("runBy", "org-" + p);
                o.putArray("purposes").add("political-campaigning");
                o.put("channel", random.nextBoolean() ? "post" : "email");
                ArrayNode used = o.putArray("datasets");
                got.stream().distinct().limit(3).forEach(used::add);
                LocalDate start = date();
                o.put("startDate", start.toString());
                o.put("endDate", start.plusDays(30).toString());
                o.set("evidence", evidence("Party " + p + " ran mailing " + k));
                w.write("campaigns", o);
            }
        }
        String[] kinds = { "FINE", "NOTICE_OF_INTENT", "AUDIT", "ENFORCEMENT_NOTICE", "INQUIRY", "WARNING" };
        for (int e = 0; e < Math.max(5, n / 1_000); e++) {
            int against = random.nextBoolean() ? random.nextInt(brokers) : firstSupplier() + random.nextInt(suppliers);
            String kind = kinds[random.nextInt(kinds.length)];
            ObjectNode o = json.createObjectNode();
            o.put("id", "enforcement-" + e);
            o.put("kind", kind);
            o.put("regulator", "org-" + (brokers + parties + random.nextInt(regulators)));
            o.put("against", "org-" + against);
            if (kind.equals("FINE")) {
                o.put("amount", 1_000 * (1 + random.nextInt(500)));
                o.put("currency", "GBP");
            }
            o.put("date", date().toString());
            o.set("evidence", evidence("The regulator took action against organisation " + against));
            w.write("enforcementActions", o);
        }
        for (int e = 0; e < Math.max(5, n / 2_000); e++) {
            int who = random.nextInt(brokers);
            if (received.get(who).isEmpty()) {
                continue;
            }
            ObjectNode o = json.createObjectNode();
            o.put("id", "event-" + e);
            o.put("kind", "DELETION");
            o.put("description", "Organisation " + who + " deleted a list it had bought.");
            o.put("date", date().toString());
            o.putArray("organisations").add("org-" + who);
            o.putArray("datasets").add(carried(who));
            o.set("evidence", evidence("Organisation " + who + " said it deleted the list"));
            w.write("events", o);
        }
    }

    private ArrayNode evidence(String quote) {
        ArrayNode list = json.createArrayNode();
        list.addObject().put("source", "gen-source-" + random.nextInt(sources)).put("quote", quote);
        return list;
    }

    private LocalDate date() {
        return FIRST_DAY.plusDays(random.nextInt(DAYS));
    }

    /** Cumulative weights 1/rank^exponent, for picking with a heavy tail. */
    private static double[] powerLaw(int size, double exponent) {
        double[] cumulative = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += 1 / Math.pow(i + 1, exponent);
            cumulative[i] = sum;
        }
        return cumulative;
    }

    private int pick(double[] cumulative) {
        int i = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
        return i >= 0 ? i : Math.min(cumulative.length - 1, -i - 1);
    }
}
