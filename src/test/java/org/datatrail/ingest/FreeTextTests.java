package org.datatrail.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/**
 * Free text through the one validation: bounded, NFC, and no character that hides or reorders text in a name or an id;
 * each refusal names the field and the limit. (Through the API: {@link FreeTextIntegrationTests}.)
 */
class FreeTextTests {

    static final FactValidator VALIDATOR = new FactValidator();
    static final Existing SOURCE_ONLY = new Existing(Map.of("src", "Source"), Map.of(), Map.of(), Map.of(), Map.of());
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void anOrdinaryOrganisationPasses() {
        assertThat(problems(organisation("Acme Data Ltd", List.of("Acme"), "said \u202Ereversed\u202C so"))).isEmpty();
    }

    @Test
    void aNameLongerThan200CharactersIsRefusedNamingFieldAndLimit() {
        assertThat(problems(organisation("x".repeat(1_000_000), List.of(), "a quote")))
            .containsExactly("organisations[0].name: is 1000000 characters long; at most 200 are allowed");
    }

    @Test
    void aliasesAreBoundedInCountAndLength() {
        assertThat(problems(organisation("Acme", java.util.stream.IntStream.range(0, 10_000).mapToObj(i -> "alias " + i).toList(), "a quote")))
            .containsExactly("organisations[0].aliases: has 10000 items; at most 50 are allowed");
        assertThat(problems(organisation("Acme", List.of("y".repeat(1_000_000)), "a quote")))
            .containsExactly("organisations[0].aliases[0]: is 1000000 characters long; at most 200 are allowed");
    }

    @Test
    void controlBidiAndZeroWidthCharactersAreRefusedInNamesWithTheCharacterNamed() {
        assertThat(problems(organisation("Acme\u202Edtl", List.of(), "a quote"))).containsExactly("organisations[0].name: contains U+202E "
                + "RIGHT-TO-LEFT OVERRIDE at character 5; names and ids may not contain control characters (tabs and line breaks included), "
                + "bidirectional overrides or isolates (U+202A to U+202E, U+2066 to U+2069) or zero-width characters (U+200B to U+200D, U+2060, U+FEFF)");
        for (String hidden : List.of("\0", "\u0007", "\n", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u202A", "\u2066", "\u2069", "\u0085")) {
            assertThat(problems(organisation("Ac" + hidden + "me", List.of("fine"), "a quote"))).singleElement().asString()
                .startsWith("organisations[0].name: contains U+%04X".formatted((int) hidden.charAt(0))).contains(" at character 3; ");
            assertThat(problems(organisation("Acme", List.of("A" + hidden), "a quote"))).singleElement().asString()
                .startsWith("organisations[0].aliases[0]: contains U+");
        }
    }

    @Test
    void anIdWithATrailingLineBreakIsRefused() {
        var record = organisation("Acme", List.of(), "a quote");
        record.put("id", "acme\n");
        assertThat(problems(record)).anySatisfy(p -> assertThat(p).startsWith("organisations[0].id: "));
    }

    @Test
    void quotesAreVerbatimButBoundedAndWithoutNul() {
        assertThat(problems(organisation("Acme", List.of(), "q".repeat(2001))))
            .containsExactly("organisations[0].evidence[0].quote: is 2001 characters long; at most 2000 are allowed");
        assertThat(problems(organisation("Acme", List.of(), "a \0 quote")))
            .containsExactly("organisations[0].evidence[0].quote: contains U+0000 NULL at character 3; a quote may not contain a NUL character");
    }

    @Test
    void descriptionsAllowLineBreaksButNoOtherControlCharacter() {
        var record = organisation("Acme", List.of(), "a quote");
        record.put("description", "line one\nline two\ttabbed");
        assertThat(problems(record)).isEmpty();
        record.put("description", "bell \u0007");
        assertThat(problems(record)).containsExactly("organisations[0].description: contains U+0007 BEL at character 6; "
                + "text may not contain control characters other than tab, line feed and carriage return");
        record.put("description", "d".repeat(5001));
        assertThat(problems(record)).containsExactly("organisations[0].description: is 5001 characters long; at most 5000 are allowed");
    }

    @Test
    void namesAreNormalisedToNfcAndQuotesAreNot() {
        FactFile file = file(organisation("Cafe\u0301 Data", List.of("Cafe\u0301"), "Cafe\u0301 said so"));
        var record = file.content().path("organisations").path(0);
        assertThat(record.path("name").asString()).isEqualTo("Caf\u00e9 Data");
        assertThat(record.path("aliases").path(0).asString()).isEqualTo("Caf\u00e9");
        assertThat(record.path("evidence").path(0).path("quote").asString()).isEqualTo("Cafe\u0301 said so");
    }

    static java.util.LinkedHashMap<String, Object> organisation(String name, List<String> aliases, String quote) {
        var record = new java.util.LinkedHashMap<String, Object>();
        record.put("id", "acme");
        record.put("name", name);
        record.put("aliases", aliases);
        record.put("types", List.of("DATA_BROKER"));
        record.put("evidence", List.of(Map.of("source", "src", "quote", quote)));
        return record;
    }

    private static FactFile file(Map<String, Object> organisation) {
        return FactFile.of("test.json", JSON.valueToTree(Map.of("organisations", List.of(organisation))));
    }

    private static List<String> problems(Map<String, Object> organisation) {
        return VALIDATOR.validate(List.of(file(organisation)), SOURCE_ONLY).stream()
            .map(p -> p.location() + ": " + p.message()).toList();
    }
}
