package org.datatrail.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/**
 * The validator's cycle checks without a database: what is already recorded is given as an {@link Existing}, as
 * the offline import gives what earlier batches accepted.
 */
class LineageCyclesTests {

    private static final FactValidator VALIDATOR = new FactValidator();

    private static final Map<String, String> KINDS = Map.of("src", "Source", "org", "Organisation", "name", "DataCategory", "a", "Dataset",
            "b", "Dataset", "c", "Dataset", "v1", "Consent", "v2", "Consent", "marketing", "Purpose");

    @Test
    void aDerivationClosingACycleThroughRecordedLineageIsRefusedNamingTheShortestCycle() {
        // recorded: b <- a, c <- b, c <- a (two routes from a to c)
        var recorded = new Existing(KINDS, Map.of("b", Set.of("a"), "c", Set.of("a", "b")), Map.of(), Map.of(), Map.of());

        assertThat(problems(dataset("a", "c"), recorded)).containsExactly(
                "f: datasets[0].derivedFrom[0].source (id 'a'): deriving 'a' from 'c' would make a cycle: a <- c <- a");
    }

    @Test
    void aDatasetRecordedAgainNoLongerHasTheDerivationsItsNewRecordLeavesOut() {
        var recorded = new Existing(KINDS, Map.of("b", Set.of("a")), Map.of(), Map.of(), Map.of());

        assertThat(problems(dataset("a", "b"), recorded)).as("b <- a still stands").containsExactly(
                "f: datasets[0].derivedFrom[0].source (id 'a'): deriving 'a' from 'b' would make a cycle: a <- b <- a");
        assertThat(problems(dataset("a", "b") + ", " + dataset("b", null), recorded)).as("b recorded again without a").isEmpty();
    }

    @Test
    void aVersionClosingACycleThroughRecordedVersionsIsRefused() {
        var recorded = new Existing(KINDS, Map.of(), Map.of(), Map.of("v2", "v1"), Map.of());

        assertThat(problems("""
                {"consents": [{"id": "v1", "title": "Notice", "kind": "PRIVACY_NOTICE", "permittedPurposes": ["marketing"],
                  "supersedes": "v2", "evidence": [{"source": "src", "quote": "a notice"}]}]}""", recorded)).containsExactly(
                "f: consents[0].supersedes (id 'v1'): 'v1' superseding 'v2' would make a cycle of versions: v1 supersedes v2 supersedes v1");
    }

    @Test
    void theShortestPathIsFoundTheSameWayEveryTime() {
        Map<String, Set<String>> edges = Map.of("x", new java.util.TreeSet<>(Set.of("z", "y")), "y", Set.of("end"), "z", Set.of("end"));

        assertThat(LineageCycles.path(edges, "x", "end")).containsExactly("x", "y", "end");
        assertThat(LineageCycles.path(edges, "end", "x")).isEmpty();
        assertThat(LineageCycles.path(edges, "x", "x")).containsExactly("x");
    }

    private static String dataset(String id, String source) {
        String derivedFrom = source == null ? "" : """
                , "derivedFrom": [{"source": "%s", "kind": "COPY", "evidence": [{"source": "src", "quote": "a copy"}]}]""".formatted(source);
        return """
                {"id": "%s", "name": "List %s", "heldBy": "org", "dataCategories": ["name"], "subjectGroups": ["voters"]%s,
                 "evidence": [{"source": "src", "quote": "a list"}]}""".formatted(id, id, derivedFrom);
    }

    private static List<String> problems(String datasetsOrDocument, Existing recorded) {
        String document = datasetsOrDocument.startsWith("{\"consents\"") ? datasetsOrDocument : "{\"datasets\": [" + datasetsOrDocument + "]}";
        FactFile file = FactFile.of("f", JsonMapper.builder().build().readTree(document));
        return VALIDATOR.validate(List.of(file), recorded).stream().map(Problem::toString).toList();
    }
}
