package org.datatrail.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generator's output at size XS, read from its files: deterministic, shaped like the networks investigators meet,
 * and with a lineage (what brokers make from what they buy, and what they send that they never received).
 */
class NetworkGeneratorTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;

    static NetworkGenerator.Summary summary;
    static List<JsonNode> transfers;
    static List<JsonNode> datasets;
    static Map<String, JsonNode> datasetById = new HashMap<>();
    static Map<String, JsonNode> consentById = new HashMap<>();
    /** For each organisation, every dataset a transfer brought it, with the earliest date it arrived (null: only bounded or undated arrivals). */
    static Map<String, Map<String, LocalDate>> arrivals = new HashMap<>();

    @BeforeAll
    static void generate() throws IOException {
        summary = NetworkGenerator.generate(NetworkGenerator.Size.XS, 42, dir.resolve("a"));
        transfers = read(dir.resolve("a/transfers.jsonl"));
        datasets = read(dir.resolve("a/datasets.jsonl"));
        datasets.forEach(d -> datasetById.put(d.get("id").asString(), d));
        read(dir.resolve("a/consents.jsonl")).forEach(c -> consentById.put(c.get("id").asString(), c));
        for (JsonNode t : transfers) {
            LocalDate date = t.has("date") ? LocalDate.parse(t.get("date").asString()) : null;
            arrivals.computeIfAbsent(t.get("to").asString(), k -> new HashMap<>()).merge(t.get("dataset").asString(), date == null ? LocalDate.MAX : date,
                    (a, b) -> a.isBefore(b) ? a : b);
        }
    }

    static List<JsonNode> read(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(JSON::readTree).toList();
    }

    @Test
    void theSameSeedWritesTheSameFilesAndAnotherSeedDoesNot() throws IOException {
        NetworkGenerator.Summary again = NetworkGenerator.generate(NetworkGenerator.Size.XS, 42, dir.resolve("b"));
        NetworkGenerator.generate(NetworkGenerator.Size.XS, 7, dir.resolve("c"));

        for (String section : Records.FILE_ORDER) {
            String file = section + ".jsonl";
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(file))).as(file).isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(file)));
        }
        assertThat(again.lineage()).isEqualTo(summary.lineage());
        assertThat(Files.readString(dir.resolve("c/transfers.jsonl"))).isNotEqualTo(Files.readString(dir.resolve("a/transfers.jsonl")));
        assertThat(Files.readString(dir.resolve("c/datasets.jsonl"))).isNotEqualTo(Files.readString(dir.resolve("a/datasets.jsonl")));
    }

    @Test
    void sizeXsHasAThousandOrganisationsAndEveryFactAndDerivationHasEvidence() throws IOException {
        assertThat(summary.records()).containsEntry("organisations", 1_000);
        // 250 suppliers' notices, 16 brokers' notices, and the later versions
        assertThat(summary.records().get("consents")).isEqualTo(250 + 16 + summary.lineage().get("consents.laterVersions"));
        assertThat(summary.records().get("datasets"))
            .isEqualTo(250 + summary.lineage().get("datasets.ownLists") + summary.lineage().get("datasets.derived"));
        assertThat(summary.records().get("transfers")).isBetween(700, 1_100);
        for (String section : List.of("organisations", "consents", "datasets", "transfers", "campaigns", "enforcementActions", "events")) {
            assertThat(read(dir.resolve("a/" + section + ".jsonl"))).as(section)
                .allSatisfy(record -> assertThat(record.get("evidence").get(0).get("quote").asString()).isNotBlank());
        }
        assertThat(derivations()).isNotEmpty().allSatisfy(x -> assertThat(x.get("evidence").get(0).get("quote").asString()).isNotBlank());
        // a hedge's wording is in the derivation's own quote, as the write path requires
        List<JsonNode> hedged = derivations().stream().filter(x -> x.has("hedges")).toList();
        assertThat(hedged).isNotEmpty().allSatisfy(x -> assertThat(x.get("evidence").get(0).get("quote").asString())
            .contains(x.get("hedges").get(0).get("wording").asString()));
    }

    @Test
    void derivationsOfEveryKindNameOnlyEarlierDatasetsAndNeverMakeACycle() {
        Map<String, Long> kinds = new HashMap<>();
        derivations().forEach(x -> kinds.merge(x.get("kind").asString(), 1L, Long::sum));
        assertThat(kinds).containsOnlyKeys("COPY", "SUBSET", "MERGE", "ENRICHMENT", "MODEL");
        assertThat(kinds.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(5));
        assertThat(kinds.get("MERGE")).as("merges take several sources each").isGreaterThan(kinds.get("SUBSET"));

        // the import resolves a derivation's source against the lines before it
        Map<String, Integer> line = new HashMap<>();
        for (int i = 0; i < datasets.size(); i++) {
            line.put(datasets.get(i).get("id").asString(), i);
        }
        for (JsonNode d : datasets) {
            for (JsonNode x : d.path("derivedFrom")) {
                assertThat(line.get(x.get("source").asString())).as(d.get("id") + " <- " + x.get("source")).isLessThan(line.get(d.get("id").asString()));
            }
        }
        // and, whatever the order, no dataset is made, through any chain of derivations, from itself
        Map<String, List<String>> sources = new HashMap<>();
        datasets.forEach(d -> sources.put(d.get("id").asString(), d.path("derivedFrom").valueStream().map(x -> x.get("source").asString()).toList()));
        Map<String, Integer> state = new HashMap<>();
        for (String id : sources.keySet()) {
            assertThat(acyclic(id, sources, state)).as("a cycle through " + id).isTrue();
        }
        // a made dataset is held by whoever made it, from data it received or its own lists
        for (JsonNode d : datasets) {
            String holder = d.get("heldBy").asString();
            for (JsonNode x : d.path("derivedFrom")) {
                String source = x.get("source").asString();
                assertThat(arrivals.getOrDefault(holder, Map.of()).containsKey(source) || datasetById.get(source).get("heldBy").asString().equals(holder))
                    .as("%s made %s from %s", holder, d.get("id"), source).isTrue();
            }
        }
    }

    @Test
    void derivationsAreMostlyDatedAfterTheDataArrivedSomeUndatedAndAFewAfterAnOnwardTransfer() {
        int after = 0;
        int before = 0;
        int undated = 0;
        for (JsonNode d : datasets) {
            String holder = d.get("heldBy").asString();
            for (JsonNode x : d.path("derivedFrom")) {
                LocalDate arrived = arrivals.getOrDefault(holder, Map.of()).get(x.get("source").asString());
                if (!x.has("date")) {
                    undated++;
                }
                else if (arrived != null && arrived != LocalDate.MAX) {
                    if (LocalDate.parse(x.get("date").asString()).isBefore(arrived)) {
                        before++;
                    }
                    else {
                        after++;
                    }
                }
            }
        }
        assertThat(after).isGreaterThan(100);
        assertThat(undated).isBetween(20, after);
        // an earlier transfer of the same data dated after this derivation brought no chain here
        assertThat(before).isLessThan(after / 10);
        long sentBeforeTheirDerivation = transfers.stream().filter(t -> {
            JsonNode made = datasetById.get(t.get("dataset").asString());
            JsonNode x = made.path("derivedFrom").path(0);
            return made.get("heldBy").asString().equals(t.get("from").asString()) && x.has("date") && t.has("date")
                    && t.get("date").asString().compareTo(x.get("date").asString()) < 0;
        }).count();
        assertThat(sentBeforeTheirDerivation).as("made data sent on before the date of its derivation").isBetween(1L, 20L);
    }

    @Test
    void brokersHoldManyDatasets() {
        Map<String, Integer> held = new HashMap<>();
        datasets.forEach(d -> held.merge(d.get("heldBy").asString(), 1, Integer::sum));
        List<Integer> brokers = Stream.iterate(0, i -> i + 1).limit(16).map(i -> held.getOrDefault("org-" + i, 0)).sorted().toList();

        assertThat(brokers.getFirst()).as("every broker has lists of its own").isGreaterThanOrEqualTo(2);
        assertThat(brokers.get(8)).as("median").isGreaterThanOrEqualTo(5);
        assertThat(brokers.getLast()).as("the biggest hub").isGreaterThanOrEqualTo(25);
        // and what the hub made came from several suppliers' lists
        Set<String> suppliersInHub = new HashSet<>();
        datasets.stream().filter(d -> d.get("heldBy").asString().equals("org-0")).flatMap(d -> d.path("derivedFrom").valueStream())
            .map(x -> datasetById.get(x.get("source").asString()).get("heldBy").asString()).filter(h -> !h.equals("org-0")).forEach(suppliersInHub::add);
        assertThat(suppliersInHub).hasSizeGreaterThan(20);
    }

    @Test
    void brokersPassOnWhatTheyReceivedWhatTheyMadeTheirOwnListsAndDataTheyNeverReceived() {
        Map<String, Integer> sent = new HashMap<>();
        int datedBeforeArrival = 0;
        for (JsonNode t : transfers) {
            String from = t.get("from").asString();
            if (Integer.parseInt(from.substring(4)) >= 16) {
                continue;
            }
            JsonNode d = datasetById.get(t.get("dataset").asString());
            LocalDate arrived = arrivals.getOrDefault(from, Map.of()).get(d.get("id").asString());
            String what = d.get("heldBy").asString().equals(from) ? (d.has("derivedFrom") ? "made" : "own list")
                    : arrived != null ? "received" : "never received";
            sent.merge(what, 1, Integer::sum);
            if (what.equals("received") && t.has("date") && arrived != LocalDate.MAX && LocalDate.parse(t.get("date").asString()).isBefore(arrived)) {
                datedBeforeArrival++;
            }
        }
        int all = sent.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(sent.get("received")).isGreaterThan(all / 4);
        assertThat(sent.get("made")).isGreaterThan(all / 8);
        assertThat(sent.get("own list")).isGreaterThan(all / 8);
        assertThat(sent.get("never received")).as("data the sender never received").isGreaterThan(all / 20);
        assertThat(datedBeforeArrival).as("onward transfers dated before their data arrived").isBetween(3, all / 20);
    }

    @Test
    void someTransfersAreKnownOnlyWithinBounds() {
        List<JsonNode> bounded = transfers.stream().filter(t -> !t.has("date")).toList();
        assertThat(bounded.size()).isBetween(transfers.size() / 20, transfers.size() / 6);
        assertThat(bounded).allSatisfy(t -> assertThat(t.get("earliest").asString()).isLessThan(t.get("latest").asString()));
    }

    @Test
    void someNoticesHaveALaterVersionThatPermitsMore() {
        List<JsonNode> later = consentById.values().stream().filter(c -> c.has("supersedes")).toList();
        assertThat(later).hasSizeGreaterThan(25).anyMatch(v2 -> !consentById.get(v2.get("supersedes").asString()).has("validUntil")).allSatisfy(v2 -> {
            JsonNode v1 = consentById.get(v2.get("supersedes").asString());
            assertThat(v2.get("validFrom").asString()).isGreaterThan(v1.get("validFrom").asString());
            if (v1.has("validUntil")) {
                assertThat(v1.get("validUntil").asString()).isLessThan(v2.get("validFrom").asString());
            }
            List<String> before = v1.get("permittedPurposes").valueStream().map(JsonNode::asString).toList();
            assertThat(v2.get("permittedPurposes").valueStream().map(JsonNode::asString).toList()).containsAll(before)
                .hasSize(before.size() + 1).containsAnyOf("political-campaigning", "profiling");
        });
        // the supplier's list names the first version: the rule finds the later one through supersedes
        assertThat(datasets).noneMatch(d -> d.path("consents").valueStream().anyMatch(c -> c.asString().endsWith("-v2")));
        assertThat(datasets).anyMatch(d -> d.has("collectedFrom") && d.has("collectedUntil"));
        assertThat(datasets).anyMatch(d -> d.has("collectedFrom") && !d.has("collectedUntil"));
    }

    @Test
    void partiesRunCampaignsWithDataTheyReceivedOrMadeAndSomeActionsHaveAStatus() throws IOException {
        List<JsonNode> campaigns = read(dir.resolve("a/campaigns.jsonl"));
        assertThat(campaigns).isNotEmpty().allSatisfy(c -> assertThat(c.get("datasets").valueStream().map(JsonNode::asString)).allSatisfy(d -> {
            String party = c.get("runBy").asString();
            assertThat(arrivals.getOrDefault(party, Map.of()).containsKey(d) || datasetById.get(d).get("heldBy").asString().equals(party)).isTrue();
        }));
        assertThat(campaigns).as("a target list or scores made by the party")
            .anyMatch(c -> c.get("datasets").valueStream().anyMatch(d -> datasetById.get(d.asString()).has("derivedFrom")
                    && datasetById.get(d.asString()).get("heldBy").equals(c.get("runBy"))));
        List<JsonNode> actions = read(dir.resolve("a/enforcementActions.jsonl"));
        assertThat(actions).anyMatch(a -> a.has("status")).anyMatch(a -> !a.has("status"));
    }

    @Test
    void degreesAreHeavyTailed() {
        Map<String, Integer> fanOut = new HashMap<>();
        transfers.forEach(t -> fanOut.merge(t.get("from").asString(), 1, Integer::sum));
        List<Integer> brokerDegrees = fanOut.entrySet().stream().filter(e -> Integer.parseInt(e.getKey().substring(4)) < 16)
            .map(Map.Entry::getValue).sorted().toList();

        int top = brokerDegrees.getLast();
        int median = brokerDegrees.get(brokerDegrees.size() / 2);
        assertThat(top).isGreaterThan(5 * median);
    }

    @Test
    void chainsRunThroughBrokerTiersWithCyclesAndBreaches() {
        // brokers are org-0..org-15, broker b in tier b % 8
        List<JsonNode> brokerToBroker = transfers.stream()
            .filter(t -> id(t, "from") < 16 && id(t, "to") < 16).toList();
        assertThat(brokerToBroker).anyMatch(t -> id(t, "to") % 8 == id(t, "from") % 8 + 1);
        assertThat(brokerToBroker).as("a transfer back to an earlier tier makes a cycle")
            .anyMatch(t -> id(t, "to") % 8 < id(t, "from") % 8);
        Set<Integer> tiersReached = new HashSet<>();
        brokerToBroker.forEach(t -> tiersReached.add(id(t, "to") % 8));
        assertThat(tiersReached).hasSizeGreaterThanOrEqualTo(6);

        // a supplier's sale, against the first version of its notice
        List<JsonNode> supply = transfers.stream().filter(t -> consentById.containsKey("consent-" + t.get("from").asString().substring(4))
                && id(t, "from") >= 22).toList();
        assertThat(supply).as("some supplies are covered by the supplier's consent").anyMatch(t -> permitted(t).contains(purpose(t)));
        assertThat(supply).as("and some are breaches").anyMatch(t -> !permitted(t).contains(purpose(t)));
        assertThat(transfers).filteredOn(t -> t.has("date")).extracting(t -> t.get("date").asString().substring(0, 4)).contains("2015", "2018", "2022");
    }

    private static List<String> permitted(JsonNode transfer) {
        return consentById.get("consent-" + transfer.get("from").asString().substring(4)).get("permittedPurposes").valueStream()
            .map(JsonNode::asString).toList();
    }

    private static String purpose(JsonNode transfer) {
        return transfer.get("purposes").get(0).asString();
    }

    private static List<JsonNode> derivations() {
        List<JsonNode> all = new ArrayList<>();
        datasets.forEach(d -> d.path("derivedFrom").forEach(all::add));
        return all;
    }

    /** Depth first; state 1: on the current path, 2: done. */
    private static boolean acyclic(String id, Map<String, List<String>> sources, Map<String, Integer> state) {
        Integer s = state.get(id);
        if (s != null) {
            return s == 2;
        }
        state.put(id, 1);
        for (String source : sources.getOrDefault(id, List.of())) {
            if (!acyclic(source, sources, state)) {
                return false;
            }
        }
        state.put(id, 2);
        return true;
    }

    private static int id(JsonNode transfer, String field) {
        return Integer.parseInt(transfer.get(field).asString().substring(4));
    }
}
