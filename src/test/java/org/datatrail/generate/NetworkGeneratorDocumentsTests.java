package org.datatrail.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/**
 * {@code generate --documents n} at size XS: documents of a few pages that hold every quote citing their source and
 * name the network's organisations, on the same network as without documents, the same for the same seed.
 */
class NetworkGeneratorDocumentsTests {

    /** More documents than XS has sources (20), so sources are added for them. */
    private static final int DOCUMENTS = 60;

    @TempDir
    static Path dir;

    static NetworkGenerator.Summary summary;
    /** Every quote of the network with documents, by the source it cites. */
    static Map<String, List<String>> quotesBySource = new HashMap<>();

    @BeforeAll
    static void generate() throws IOException {
        summary = NetworkGenerator.generate(NetworkGenerator.Size.XS, 42, DOCUMENTS, dir.resolve("with"));
        for (String section : Records.FILE_ORDER) {
            for (JsonNode record : NetworkGeneratorTests.read(dir.resolve("with").resolve(section + ".jsonl"))) {
                evidence(record, e -> quotesBySource.computeIfAbsent(e.get("source").asString(), k -> new ArrayList<>()).add(e.get("quote").asString()));
            }
        }
    }

    @Test
    void everyDocumentHoldsEveryQuoteCitingItsSourceAndNamesOrganisations() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir.resolve("with/documents"))) {
            files = list.sorted().toList();
        }
        assertThat(files).hasSize(DOCUMENTS);
        assertThat(summary.lineage()).containsEntry("documents", DOCUMENTS);
        int quotes = 0;
        for (int s = 0; s < DOCUMENTS; s++) {
            String text = Files.readString(dir.resolve("with/documents/gen-source-" + s + ".txt"));
            List<String> citing = quotesBySource.getOrDefault("gen-source-" + s, List.of());
            assertThat(citing).as("quotes citing gen-source-%d", s).isNotEmpty();
            assertThat(text).as("gen-source-%d", s).contains(citing);
            // two to four pages of about 3,000 characters, in paragraphs (document search's passages)
            assertThat(text.length()).as("gen-source-%d", s).isBetween(5_000, 14_000 + citing.stream().mapToInt(q -> q.length() + 2).sum());
            assertThat(text.split("\n\n")).as("gen-source-%d", s).hasSizeGreaterThan(8);
            assertThat(text).as("gen-source-%d names organisations", s).containsPattern("[A-Z][a-z]+ [A-Z][a-z]+ Ltd \\d+");
            quotes += citing.size();
        }
        assertThat(summary.lineage()).containsEntry("documents.quotes", quotes);
    }

    @Test
    void theFactsAreThoseOfTheNetworkWithoutDocumentsSpreadOverMoreSources() throws IOException {
        NetworkGenerator.generate(NetworkGenerator.Size.XS, 42, dir.resolve("without"));

        List<JsonNode> sources = NetworkGeneratorTests.read(dir.resolve("with/sources.jsonl"));
        assertThat(sources).hasSize(DOCUMENTS);
        assertThat(sources).allSatisfy(s -> assertThat(s.has("public")).isTrue());
        assertThat(sources.stream().filter(s -> s.get("public").asBoolean()).count()).isEqualTo(summary.lineage().get("documents.public").longValue())
            .isBetween(30L, 59L);
        assertThat(quotesBySource.keySet()).as("every source is cited").hasSize(DOCUMENTS);
        for (String section : List.of("organisations", "datasets", "transfers", "consents", "campaigns", "events")) {
            assertThat(withoutSources(dir.resolve("with").resolve(section + ".jsonl"))).as(section)
                .isEqualTo(withoutSources(dir.resolve("without").resolve(section + ".jsonl")));
        }
        assertThat(Files.exists(dir.resolve("without/documents"))).isFalse();
    }

    @Test
    void theSameSeedWritesTheSameDocuments() throws IOException {
        NetworkGenerator.generate(NetworkGenerator.Size.XS, 42, DOCUMENTS, dir.resolve("again"));

        for (int s : new int[] { 0, 17, DOCUMENTS - 1 }) {
            String name = "documents/gen-source-" + s + ".txt";
            assertThat(Files.readString(dir.resolve("again").resolve(name))).as(name).isEqualTo(Files.readString(dir.resolve("with").resolve(name)));
        }
        assertThat(Files.readString(dir.resolve("again/sources.jsonl"))).isEqualTo(Files.readString(dir.resolve("with/sources.jsonl")));
    }

    /** The records of a file with every evidence's source id blanked. */
    private static List<String> withoutSources(Path file) throws IOException {
        return NetworkGeneratorTests.read(file).stream().map(r -> {
            evidence(r, e -> ((tools.jackson.databind.node.ObjectNode) e).put("source", ""));
            return r.toString();
        }).toList();
    }

    /** Calls {@code each} for every evidence entry (an object with a source and a quote) anywhere in a record. */
    private static void evidence(JsonNode node, java.util.function.Consumer<JsonNode> each) {
        if (node.isObject() && node.has("source") && node.has("quote")) {
            each.accept(node);
        }
        node.forEach(child -> evidence(child, each));
    }
}
