package org.datatrail.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/**
 * The validator's quote check without a database, as the offline import and every online write run it: each quote citing
 * a source with a document, wherever it sits in a record (a fact's own evidence, a derivation's, a dispute claim's), must
 * be in the document; a source without one is not checked.
 */
class QuoteCheckTests {

    private static final Map<String, String> KINDS = Map.of("doc", "Source", "nodoc", "Source", "org", "Organisation", "name", "DataCategory",
            "a", "Dataset");

    private static final Existing RECORDED = new Existing(KINDS, Map.of(), Map.of(), Map.of(),
            Map.of("doc", new SourceText("The broker merged the lists. It sold 1,000 records.")));

    @Test
    void everyQuoteCitingASourceWithADocumentMustBeInItWhereverItIs() {
        String facts = """
                {"datasets": [{"id": "b", "name": "B", "heldBy": "org", "dataCategories": ["name"], "subjectGroups": ["voters"],
                   "derivedFrom": [{"source": "a", "kind": "MERGE", "evidence": [{"source": "doc", "quote": "merged the lists"}]}],
                   "evidence": [{"source": "doc", "quote": "the broker bought lists"}, {"source": "nodoc", "quote": "anything at all"}]}],
                 "disputes": [{"id": "d", "subject": "records", "field": "recordCount", "about": "b", "claims": [
                   {"value": "1,000", "evidence": [{"source": "doc", "quote": "sold 1,000 records"}]},
                   {"value": "2,000", "evidence": [{"source": "doc", "quote": "sold 2,000 records"}]}]}]}""";

        assertThat(problems(facts)).containsExactly(
                "f: datasets[0].evidence[0].quote (id 'b'): the quote \"the broker bought lists\" of dataset 'b' is not in the document attached to "
                        + "source 'doc' (typographic quotes and whitespace aside); did you mean: \"The broker merged the lists.\"?",
                "f: disputes[0].claims[1].evidence[0].quote (id 'd'): the quote \"sold 2,000 records\" of claim '2,000' of dispute 'd' is not in the document "
                        + "attached to source 'doc' (typographic quotes and whitespace aside); did you mean: \"It sold 1,000 records.\"?");
    }

    private static List<String> problems(String document) {
        FactFile file = FactFile.of("f", JsonMapper.builder().build().readTree(document));
        return new FactValidator().validate(List.of(file), RECORDED).stream().map(Problem::toString).toList();
    }
}
