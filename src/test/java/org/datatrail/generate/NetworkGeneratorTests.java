package org.datatrail.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The generator's output at size XS: deterministic, and shaped like the networks investigators meet. */
class NetworkGeneratorTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;

    static NetworkGenerator.Summary summary;
    static List<JsonNode> transfers;
    static Map<String, List<String>> permitted = new HashMap<>();

    @BeforeAll
    static void generate() throws IOException {
        summary = NetworkGenerator.generate(NetworkGenerator.Size.XS, 42, dir.resolve("a"));
        transfers = read(dir.resolve("a/transfers.jsonl"));
        for (JsonNode consent : read(dir.resolve("a/consents.jsonl"))) {
            permitted.put(consent.get("issuedBy").asString(), consent.get("permittedPurposes").valueStream().map(JsonNode::asString).toList());
        }
    }

    static List<JsonNode> read(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(JSON::readTree).toList();
    }

    @Test
    void theSameSeedWritesTheSameFilesAndAnotherSeedDoesNot() throws IOException {
        NetworkGenerator.generate(NetworkGenerator.Size.XS, 42, dir.resolve("b"));
        NetworkGenerator.generate(NetworkGenerator.Size.XS, 7, dir.resolve("c"));

        for (String file : List.of("organisations.jsonl", "transfers.jsonl", "consents.jsonl", "datasets.jsonl", "campaigns.jsonl")) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(file))).as(file).isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(file)));
        }
        assertThat(Files.readString(dir.resolve("c/transfers.jsonl"))).isNotEqualTo(Files.readString(dir.resolve("a/transfers.jsonl")));
    }

    @Test
    void sizeXsHasAThousandOrganisationsAndEveryFactHasEvidence() throws IOException {
        assertThat(summary.records()).containsEntry("organisations", 1_000).containsEntry("consents", 250).containsEntry("datasets", 250);
        assertThat(summary.records().get("transfers")).isBetween(700, 1_100);
        for (String section : List.of("organisations", "consents", "datasets", "transfers", "campaigns", "enforcementActions", "events")) {
            assertThat(read(dir.resolve("a/" + section + ".jsonl"))).as(section)
                .allSatisfy(record -> assertThat(record.get("evidence").get(0).get("quote").asString()).isNotBlank());
        }
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

        List<JsonNode> supply = transfers.stream().filter(t -> permitted.containsKey(t.get("from").asString())).toList();
        assertThat(supply).as("some supplies are covered by the supplier's consent")
            .anyMatch(t -> permitted.get(t.get("from").asString()).contains(t.get("purposes").get(0).asString()));
        assertThat(supply).as("and some are breaches")
            .anyMatch(t -> !permitted.get(t.get("from").asString()).contains(t.get("purposes").get(0).asString()));
        assertThat(transfers).extracting(t -> t.get("date").asString().substring(0, 4)).contains("2015", "2018", "2022");
    }

    private static int id(JsonNode transfer, String field) {
        return Integer.parseInt(transfer.get(field).asString().substring(4));
    }
}
