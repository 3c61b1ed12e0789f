package org.datatrail.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.datatrail.ingest.Quotes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every quote in the seed appears word for word in the case-source file it cites (typographic quotes and
 * whitespace aside). The sources are not in the repository: they sit in {@code ../shared/case-sources}
 * beside a project checkout, or wherever {@code -Ddatatrail.case-sources} points; without them the test skips.
 */
class SeedQuotesTests {

    @Test
    void everySeedQuoteIsVerbatimInItsSource() throws IOException {
        Path sources = Path.of(System.getProperty("datatrail.case-sources", "../shared/case-sources"));
        Assumptions.assumeTrue(Files.isDirectory(sources), () -> "Skipped: the case-source texts are not at " + sources.toAbsolutePath()
                + " (they live in ../shared/case-sources beside the project; set -Ddatatrail.case-sources=<folder> to point elsewhere)");

        List<String> checked = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Path file : seedFiles()) {
            visit(JsonMapper.builder().build().readTree(file.toFile()), file.getFileName() + ": ", (where, evidence) -> {
                String source = evidence.path("source").asString();
                String quote = evidence.path("quote").asString();
                Path text = sources.resolve(source + ".txt");
                try {
                    if (!Files.exists(text) || !Quotes.appearsIn(quote, Files.readString(text))) {
                        missing.add(where + " [" + source + "] " + quote);
                    }
                }
                catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                checked.add(where);
            });
        }

        assertThat(checked).as("seed quotes checked").hasSizeGreaterThan(30);
        assertThat(missing).as("quotes not found verbatim in their source").isEmpty();
    }

    @Test
    void theComparisonRuleIgnoresOnlyTypographicQuotesAndWhitespace() {
        assertThat(Quotes.appearsIn("Emma's Diary  said", "… Emma’s Diary\n said …")).isTrue();
        assertThat(Quotes.appearsIn("Emmas Diary", "Emma’s Diary")).isFalse();
        assertThat(Quotes.appearsIn("7,065,220 records", "supplied 1,065,220 records")).isFalse();
    }

    static List<Path> seedFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("seed"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private interface EvidenceVisitor {
        void visit(String where, JsonNode evidence);
    }

    private static void visit(JsonNode node, String where, EvidenceVisitor visitor) {
        if (node.isObject()) {
            for (var entry : node.properties()) {
                if (entry.getKey().equals("evidence") && entry.getValue().isArray()) {
                    for (int i = 0; i < entry.getValue().size(); i++) {
                        visitor.visit(where + "evidence[" + i + "]", entry.getValue().get(i));
                    }
                }
                else {
                    visit(entry.getValue(), where + entry.getKey() + ".", visitor);
                }
            }
        }
        else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String id = node.get(i).path("id").asString("");
                visit(node.get(i), where + "[" + i + (id.isEmpty() ? "" : " " + id) + "].", visitor);
            }
        }
    }
}
