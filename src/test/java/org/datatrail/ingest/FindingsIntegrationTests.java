package org.datatrail.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.datatrail.support.Testers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Recording findings through GraphQL on the small hand-made network: each mutation's success, and its
 * rejection with an error that names the field, after which the graph is unchanged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FindingsIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Testers.embeddedDatabase(registry, "src/test/resources/facts/small");
        Testers.tokens(registry);
    }

    static final List<Map<String, Object>> EVIDENCE = List.of(Map.of("source", "src-a", "quote", "as the report says"));

    @LocalServerPort
    int port;

    @Autowired
    Driver driver;

    HttpGraphQlTester graphQl;

    @BeforeEach
    void tester() {
        graphQl = Testers.graphQl(port, Testers.INVESTIGATOR_TOKEN);
    }

    @Test
    void recordsASourceAndAnOrganisationCitingIt() {
        graphQl.documentName("recordSource")
            .variable("input", Map.of("id", "src-new", "title", "New report", "published", "2021-03-04", "url", "https://example.org/new"))
            .execute()
            .path("recordSource.published").entity(String.class).isEqualTo("2021-03-04");

        graphQl.documentName("recordOrganisation")
            .variable("input", Map.of("id", "new-broker", "name", "New Broker Ltd", "aliases", List.of("NBL"), "types", List.of("DATA_BROKER"),
                    "partOf", "broker-group", "evidence", List.of(Map.of("source", "src-new", "quote", "New Broker Ltd, a list broker"))))
            .execute()
            .path("recordOrganisation.partOf.id").entity(String.class).isEqualTo("broker-group")
            .path("recordOrganisation.evidence[0].source.id").entity(String.class).isEqualTo("src-new");

        graphQl.documentName("search").variable("text", "nbl").execute()
            .path("search[0].id").entity(String.class).isEqualTo("new-broker");
    }

    @Test
    void recordingAnExistingIdUpdatesItAndKeepsEveryPieceOfEvidence() {
        graphQl.documentName("recordOrganisation")
            .variable("input", Map.of("id", "party", "name", "The Party (renamed)", "types", List.of("POLITICAL_PARTY"),
                    "evidence", List.of(Map.of("source", "src-b", "quote", "now called The Party (renamed)"))))
            .execute()
            .path("recordOrganisation.name").entity(String.class).isEqualTo("The Party (renamed)")
            .path("recordOrganisation.evidence[*].quote").entityList(String.class)
            .satisfies(quotes -> assertThat(quotes).containsExactlyInAnyOrder("The Party used it", "now called The Party (renamed)"));
    }

    @Test
    void recordsATransferThatTracesThenPickUp() {
        graphQl.documentName("recordTransfer")
            .variable("input", Map.of("id", "t3", "from", "party", "to", "broker", "dataset", "club-members", "date", "2019-06-01",
                    "recordCount", 5_000_000_000L, "purposes", List.of("politics"), "onBehalfOf", "party", "evidence", EVIDENCE))
            .execute()
            .path("recordTransfer.recordCount").entity(Long.class).isEqualTo(5_000_000_000L)
            .path("recordTransfer.from.id").entity(String.class).isEqualTo("party");

        assertThat(graphQl.documentName("trace").variable("from", "party").execute()
            .path("traceFlows[*].transfers[0].id").entityList(String.class).get()).contains("t3");
    }

    @Test
    void recordsConsentDatasetCampaignAndEnforcementAction() {
        graphQl.documentName("recordConsent")
            .variable("input", Map.of("id", "club-notice-2", "title", "Club notice (2020)", "kind", "PRIVACY_NOTICE", "issuedBy", "supplier",
                    "permittedPurposes", List.of("marketing", "politics"), "evidence", EVIDENCE))
            .execute()
            .path("recordConsent.permittedPurposes[*].id").entityList(String.class).containsExactly("marketing", "politics");
        graphQl.documentName("recordDataset")
            .variable("input", Map.of("id", "club-2020", "name", "Club members 2020", "heldBy", "supplier", "dataCategories", List.of("child-dob"),
                    "subjectGroups", List.of("new parents"), "consents", List.of("club-notice-2"), "evidence", EVIDENCE))
            .execute()
            .path("recordDataset.dataCategories[0].concernsChildren").entity(Boolean.class).isEqualTo(true);
        graphQl.documentName("recordCampaign")
            .variable("input", Map.of("id", "canvass", "name", "Door-to-door canvass", "runBy", "party", "purposes", List.of("politics"),
                    "channel", "door", "datasets", List.of("club-2020"), "constituenciesTargeted", 3, "evidence", EVIDENCE))
            .execute()
            .path("recordCampaign.constituenciesTargeted").entity(Integer.class).isEqualTo(3);
        graphQl.documentName("recordEnforcementAction")
            .variable("input", Map.of("id", "audit", "kind", "AUDIT", "regulator", "regulator", "against", "party", "date", "2021-01-01",
                    "evidence", EVIDENCE))
            .execute()
            .path("recordEnforcementAction.against.id").entity(String.class).isEqualTo("party");
    }

    @Test
    void everyMutationRefusesBadInputNamingTheFieldAndWritesNothing() {
        assertRefused("recordSource", Map.of("id", "Bad Id", "title", "x"), "input.id");
        assertRefused("recordOrganisation", Map.of("id", "x-org", "name", "X", "types", List.of("OTHER"), "evidence", List.of()),
                "input.evidence");
        assertRefused("recordConsent", Map.of("id", "x-consent", "title", "X", "kind", "PRIVACY_NOTICE", "permittedPurposes",
                List.of("no-such-purpose"), "evidence", EVIDENCE), "input.permittedPurposes");
        assertRefused("recordDataset", Map.of("id", "x-data", "name", "X", "heldBy", "nobody", "dataCategories", List.of("name"),
                "subjectGroups", List.of("people"), "evidence", EVIDENCE), "input.heldBy");
        assertRefused("recordTransfer", Map.of("id", "x-transfer", "from", "supplier", "to", "supplier", "dataset", "club-members",
                "purposes", List.of("politics"), "evidence", EVIDENCE), "input.to");
        assertRefused("recordCampaign", Map.of("id", "x-campaign", "name", "X", "runBy", "party", "purposes", List.of("politics"),
                "startDate", "2020-02-01", "endDate", "2020-01-01", "evidence", EVIDENCE), "input.endDate");
        assertRefused("recordEnforcementAction", Map.of("id", "x-fine", "kind", "FINE", "regulator", "regulator", "against", "party",
                "currency", "pounds", "evidence", List.of(Map.of("source", "no-such-source", "quote", "fined"))), "input.currency",
                "input.evidence[0].source");
    }

    private void assertRefused(String mutation, Map<String, Object> input, String... fields) {
        long before = count();
        graphQl.documentName(mutation).variable("input", input).execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.getFirst().getErrorType().toString()).isEqualTo("BAD_REQUEST");
            assertThat(errors.getFirst().getMessage()).startsWith("Refused, nothing was written: ");
            @SuppressWarnings("unchecked")
            var problems = (List<Map<String, String>>) errors.getFirst().getExtensions().get("problems");
            assertThat(problems).extracting(p -> p.get("field")).contains(fields);
        });
        assertThat(count()).as("nothing written by " + mutation).isEqualTo(before);
    }

    private long count() {
        return driver.executableQuery("MATCH (n) WHERE NOT n:AuditEntry RETURN count(n) + COUNT { ()-[]->() } AS n").execute().records().getFirst().get("n").asLong();
    }
}
