package org.datatrail.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.datatrail.support.DataTrailTest;
import org.datatrail.support.DataTrailTest.Seed;
import org.datatrail.support.TestDatabase;
import org.datatrail.support.Testers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Free text limits and character rules as an investigator meets them, through the mutations and a facts file: each
 * refusal names the field and the limit, nothing is written, and an accepted name is stored in NFC.
 */
@DataTrailTest(seed = Seed.SMALL, writes = true)
class FreeTextIntegrationTests {

    static final List<Map<String, Object>> EVIDENCE = List.of(Map.of("source", "src-a", "quote", "as the report says"));

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    @Autowired
    SeedLoader loader;

    HttpGraphQlTester graphQl;

    @BeforeEach
    void tester() {
        graphQl = Testers.graphQl(port, Testers.INVESTIGATOR_TOKEN);
    }

    @Test
    void aNameAnAliasOrAnAliasListOverItsLimitIsRefusedNamingTheLimit() {
        assertRefused(organisation("x".repeat(201), List.of()), "input.name", "is 201 characters long; at most 200 are allowed");
        assertRefused(organisation("Acme", IntStream.range(0, 51).mapToObj(i -> "alias " + i).toList()), "input.aliases",
                "has 51 items; at most 50 are allowed");
        assertRefused(organisation("Acme", List.of("a".repeat(201))), "input.aliases[0]", "is 201 characters long; at most 200 are allowed");
    }

    @Test
    void aMillionCharacterNameOrTenThousandAliasesNeverReachTheValidator() {
        // over the request's own limits (issue 18, point 1): refused as a request, naming that limit, before any field is read
        var before = TestDatabase.snapshot(driver);
        for (var input : List.of(organisation("x".repeat(100_000), List.of()),
                organisation("Acme", IntStream.range(0, 10_000).mapToObj(i -> "alias " + i).toList()))) {
            graphQl.documentName("recordOrganisation").variable("input", input).execute().errors().satisfy(errors -> {
                assertThat(errors).hasSize(1);
                assertThat(errors.getFirst().getErrorType().toString()).isEqualTo("BAD_REQUEST");
                assertThat(errors.getFirst().getMessage()).contains("characters together; at most 50000 are accepted");
            });
        }
        assertThat(TestDatabase.snapshot(driver)).as("nothing written").isEqualTo(before);
    }

    @Test
    void namesThatHideOrReorderCharactersAreRefused() {
        assertRefused(organisation("Acme\u202EdtL", List.of()), "input.name", "contains U+202E RIGHT-TO-LEFT OVERRIDE at character 5; "
                + "names and ids may not contain control characters (tabs and line breaks included), bidirectional overrides or isolates "
                + "(U+202A to U+202E, U+2066 to U+2069) or zero-width characters (U+200B to U+200D, U+2060, U+FEFF)");
        assertRefused(organisation("Acme\u200BLtd", List.of()), "input.name", "contains U+200B ZERO WIDTH SPACE at character 5; ");
        assertRefused(organisation("Acme\0Ltd", List.of()), "input.name", "contains U+0000 NULL at character 5; ");
    }

    @Test
    void aNameIsStoredInNfcAndAQuoteVerbatim() {
        Map<String, Object> input = new java.util.HashMap<>(organisation("Cafe\u0301 Brokers", List.of("Cafe\u0301")));
        input.put("evidence", List.of(Map.of("source", "src-a", "quote", "Cafe\u0301 Brokers, \u202Esdrawkcab\u202C")));
        graphQl.documentName("recordOrganisation").variable("input", input).execute()
            .path("recordOrganisation.name").entity(String.class).isEqualTo("Caf\u00e9 Brokers")
            .path("recordOrganisation.aliases[0]").entity(String.class).isEqualTo("Caf\u00e9")
            .path("recordOrganisation.evidence[0].quote").entity(String.class).isEqualTo("Cafe\u0301 Brokers, \u202Esdrawkcab\u202C");
    }

    @Test
    void aFactsFileWithBadTextIsRefusedWholeNamingEachFieldAndLimit() {
        var before = TestDatabase.snapshot(driver);

        assertThatThrownBy(() -> loader.load("src/test/resources/facts/refused-text")).isInstanceOfSatisfying(FactValidationException.class,
                e -> assertThat(e.problems().stream().map(Problem::toString).toList()).containsExactlyInAnyOrder(
                        "src/test/resources/facts/refused-text/refused.json: purposes[0].description (id 'long-purpose'): "
                                + "is 5001 characters long; at most 5000 are allowed",
                        "src/test/resources/facts/refused-text/refused.json: organisations[0].name (id 'lookalike'): "
                                + "contains U+200B ZERO WIDTH SPACE at character 5; names and ids may not contain control characters (tabs and "
                                + "line breaks included), bidirectional overrides or isolates (U+202A to U+202E, U+2066 to U+2069) or "
                                + "zero-width characters (U+200B to U+200D, U+2060, U+FEFF)",
                        "src/test/resources/facts/refused-text/refused.json: organisations[1].name (id 'reversed'): contains U+202E "
                                + "RIGHT-TO-LEFT OVERRIDE at character 6; names and ids may not contain control characters (tabs and line "
                                + "breaks included), bidirectional overrides or isolates (U+202A to U+202E, U+2066 to U+2069) or zero-width "
                                + "characters (U+200B to U+200D, U+2060, U+FEFF)",
                        "src/test/resources/facts/refused-text/refused.json: organisations[1].aliases[1] (id 'reversed'): "
                                + "is 201 characters long; at most 200 are allowed"));
        assertThat(TestDatabase.snapshot(driver)).isEqualTo(before);
    }

    private static Map<String, Object> organisation(String name, List<String> aliases) {
        return Map.of("id", "text-org", "name", name, "aliases", aliases, "types", List.of("DATA_BROKER"), "evidence", EVIDENCE);
    }

    private void assertRefused(Map<String, Object> input, String field, String message) {
        var before = TestDatabase.snapshot(driver);
        graphQl.documentName("recordOrganisation").variable("input", input).execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.getFirst().getErrorType().toString()).isEqualTo("BAD_REQUEST");
            @SuppressWarnings("unchecked")
            var problems = (List<Map<String, String>>) errors.getFirst().getExtensions().get("problems");
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.get("field")).isEqualTo(field);
                assertThat(p.get("message")).startsWith(message);
            });
        });
        assertThat(TestDatabase.snapshot(driver)).as("nothing written").isEqualTo(before);
    }
}
