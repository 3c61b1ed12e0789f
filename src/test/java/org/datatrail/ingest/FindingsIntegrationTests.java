package org.datatrail.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.datatrail.support.DataTrailTest;
import org.datatrail.support.DataTrailTest.Seed;
import org.datatrail.support.Testers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Recording findings through GraphQL on the small hand-made network: each mutation's success, and its
 * rejection with an error that names the field, after which the graph is unchanged.
 */
@DataTrailTest(seed = Seed.SMALL, writes = true)
class FindingsIntegrationTests {

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
    void aDatasetSaysWhomEachCategoryIsAboutOnlyWhereTheInputPairsItAndABadPairingIsRefusedByField() {
        Map<String, Object> input = new java.util.HashMap<>(Map.of("id", "club-2021", "name", "Club members 2021", "heldBy", "supplier",
                "dataCategories", List.of("name", "child-dob"), "subjectGroups", List.of("new parents", "babies"),
                "categoriesAbout", List.of(Map.of("category", "child-dob", "subjectGroups", List.of("babies"))), "evidence", EVIDENCE));
        graphQl.documentName("recordDataset").variable("input", input).execute()
            .path("recordDataset.dataCategories[*].id").entityList(String.class).containsExactly("child-dob", "name")
            // the name is not paired: it is left out, never shown with every group of the dataset
            .path("recordDataset.categoriesAbout[*].category.id").entityList(String.class).containsExactly("child-dob")
            .path("recordDataset.categoriesAbout[0].category.name").entity(String.class).isEqualTo("Child's date of birth")
            .path("recordDataset.categoriesAbout[0].subjectGroups").entityList(String.class).containsExactly("babies");

        input.put("categoriesAbout", List.of(Map.of("category", "child-dob", "subjectGroups", List.of("babies")),
                Map.of("category", "name", "subjectGroups", List.of("voters"))));
        assertRefused("recordDataset", input, Map.of("input.categoriesAbout[1].subjectGroups[0]",
                "'voters' is not one of this dataset's subjectGroups; expected one of 'new parents', 'babies'"));
        assertThat(rows("MATCH (:Dataset {id: 'club-2021'})-[r:HAS_CATEGORY]->(c) RETURN c.id AS category, r.about AS about ORDER BY category"))
            .extracting(r -> r.get("category") + " " + r.get("about")).as("the refused rewrite changed no pairing")
            .containsExactly("child-dob [babies]", "name null");

        input.remove("categoriesAbout");
        graphQl.documentName("recordDataset").variable("input", input).execute()
            .path("recordDataset.categoriesAbout").entityList(Object.class).hasSize(0);
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

    @Test
    void impossibleDatesAreRefusedNeverMovedAndAFutureDateIsNoFact() {
        for (String impossible : List.of("2017-06-31", "2017-02-30", "2031-02-30", "2017-13-01")) {
            long before = count();
            graphQl.documentName("recordTransfer")
                .variable("input", Map.of("id", "x-dated", "from", "supplier", "to", "party", "dataset", "club-members", "purposes", List.of("politics"),
                        "date", impossible, "evidence", EVIDENCE))
                .execute().errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> assertThat(e.getMessage())
                    .contains("'" + impossible + "' is not a calendar date; expected YYYY-MM-DD")));
            assertThat(count()).as("nothing written for " + impossible).isEqualTo(before);
        }
        // a real date after today: refused by the one write path, naming the field; a bound ahead of today is not a fact that happened
        assertRefused("recordTransfer", Map.of("id", "x-future", "from", "supplier", "to", "party", "dataset", "club-members",
                "purposes", List.of("politics"), "date", "2031-02-28", "evidence", EVIDENCE), Map.of("input.date", "'2031-02-28' is in the future (today is "
                        + java.time.LocalDate.now(java.time.ZoneOffset.ofHours(14)) + "); the date of something that happened cannot be after today"));
    }

    @Test
    void recordsADatasetWithItsDerivationsAndTheLineageFieldsOfEveryKindOfFact() {
        graphQl.documentName("recordDataset")
            .variable("input", Map.of("id", "gq-merged", "name", "Merged list", "heldBy", "broker", "dataCategories", List.of("name"),
                    "subjectGroups", List.of("voters"), "collectedFrom", "2019-01-01", "collectedUntil", "2019-04-30",
                    "derivedFrom", List.of(
                            Map.of("source", "club-members", "kind", "MERGE", "date", "2019-05-06",
                                    "hedges", List.of(Map.of("field", "kind", "wording", "seems to have merged")),
                                    "evidence", List.of(Map.of("source", "src-a", "quote", "the broker seems to have merged the lists"))),
                            Map.of("id", "gq-merge-2", "source", "club-members-extra", "kind", "MERGE", "evidence", EVIDENCE)),
                    "evidence", EVIDENCE))
            .execute()
            .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getMessage()).singleElement().asString()
                .contains("input.derivedFrom[1].source: unknown dataset 'club-members-extra'"));

        graphQl.documentName("recordDataset")
            .variable("input", Map.of("id", "gq-merged", "name", "Merged list", "heldBy", "broker", "dataCategories", List.of("name"),
                    "subjectGroups", List.of("voters"), "collectedFrom", "2019-01-01", "collectedUntil", "2019-04-30",
                    "derivedFrom", List.of(Map.of("source", "club-members", "kind", "MERGE", "date", "2019-05-06",
                            "hedges", List.of(Map.of("field", "kind", "wording", "seems to have merged")),
                            "evidence", List.of(Map.of("source", "src-a", "quote", "the broker seems to have merged the lists")))),
                    "evidence", EVIDENCE))
            .execute()
            .path("recordDataset.id").entity(String.class).isEqualTo("gq-merged");
        graphQl.documentName("recordTransfer")
            .variable("input", Map.of("id", "gq-t", "from", "broker", "to", "party", "dataset", "gq-merged", "earliest", "2019-05-07",
                    "latest", "2019-05-31", "purposes", List.of("politics"),
                    "hedges", List.of(Map.of("field", "to", "wording", "as the report says")), "evidence", EVIDENCE))
            .execute()
            .path("recordTransfer.date").valueIsNull();
        graphQl.documentName("recordConsent")
            .variable("input", Map.of("id", "gq-notice", "title", "Club notice (2021)", "kind", "PRIVACY_NOTICE", "permittedPurposes",
                    List.of("marketing"), "validFrom", "2021-01-01", "supersedes", "club-notice", "evidence", EVIDENCE))
            .execute()
            .path("recordConsent.id").entity(String.class).isEqualTo("gq-notice");
        graphQl.documentName("recordEnforcementAction")
            .variable("input", Map.of("id", "gq-audit", "kind", "AUDIT", "regulator", "regulator", "against", "broker", "status", "ONGOING",
                    "evidence", EVIDENCE))
            .execute()
            .path("recordEnforcementAction.id").entity(String.class).isEqualTo("gq-audit");

        assertThat(rows("""
                MATCH (d:Dataset {id: 'gq-merged'})<-[:INTO]-(x:Derivation)<-[:FEEDS]-(s:Dataset)
                RETURN s.id AS source, x.id AS id, x.kind AS kind, x.date AS date, x.hedges AS hedges, d.collectedFrom AS collectedFrom,
                       d.collectedUntil AS collectedUntil, d.hedges IS NULL AS noHedges""")).containsExactly(Map.of("source", "club-members",
                "id", FactWriter.derivationId("gq-merged", "club-members"), "kind", "MERGE", "date", LocalDate.of(2019, 5, 6), "hedges",
                List.of("kind: seems to have merged"), "collectedFrom", LocalDate.of(2019, 1, 1), "collectedUntil", LocalDate.of(2019, 4, 30),
                "noHedges", true));
        assertThat(rows("""
                MATCH (t:Transfer {id: 'gq-t'}), (c:Consent {id: 'gq-notice'})-[:SUPERSEDES]->(o:Consent), (a:EnforcementAction {id: 'gq-audit'})
                RETURN t.earliest AS earliest, t.latest AS latest, t.hedges AS hedges, c.validFrom AS validFrom, o.id AS supersedes,
                       a.status AS status""")).containsExactly(Map.of("earliest", LocalDate.of(2019, 5, 7), "latest", LocalDate.of(2019, 5, 31),
                "hedges", List.of("to: as the report says"), "validFrom", LocalDate.of(2021, 1, 1), "supersedes", "club-notice", "status", "ONGOING"));
    }

    @Test
    void aDerivationCycleAndDatesInTheWrongOrderAreRefusedNamingTheField() {
        graphQl.documentName("recordDataset")
            .variable("input", dataset("gq-a", List.of(Map.of("source", "club-members", "kind", "COPY", "evidence", EVIDENCE))))
            .execute().path("recordDataset.id").entity(String.class).isEqualTo("gq-a");
        graphQl.documentName("recordDataset")
            .variable("input", dataset("gq-b", List.of(Map.of("source", "gq-a", "kind", "SUBSET", "evidence", EVIDENCE))))
            .execute().path("recordDataset.id").entity(String.class).isEqualTo("gq-b");

        assertRefused("recordDataset", dataset("gq-a", List.of(Map.of("source", "gq-b", "kind", "ENRICHMENT", "evidence", EVIDENCE))),
                Map.of("input.derivedFrom[0].source", "deriving 'gq-a' from 'gq-b' would make a cycle: gq-a <- gq-b <- gq-a"));
        Map<String, Object> collected = new java.util.HashMap<>(dataset("gq-c", List.of()));
        collected.putAll(Map.of("collectedFrom", "2019-02-01", "collectedUntil", "2019-01-31"));
        assertRefused("recordDataset", collected, Map.of("input.collectedUntil",
                "collectedUntil 2019-01-31 is before collectedFrom 2019-02-01; expected collectedUntil on or after collectedFrom"));
        assertRefused("recordTransfer", Map.of("id", "gq-late", "from", "broker", "to", "party", "dataset", "club-members", "date", "2019-07-01",
                "earliest", "2019-06-01", "latest", "2019-05-31", "purposes", List.of("politics"), "evidence", EVIDENCE), Map.of(
                        "input.latest", "latest 2019-05-31 is before earliest 2019-06-01; expected latest on or after earliest",
                        "input.date", "date 2019-07-01 is after latest 2019-05-31; a transfer's date must lie within its earliest and latest bounds"));
        assertRefused("recordConsent", Map.of("id", "gq-v", "title", "Notice", "kind", "PRIVACY_NOTICE", "permittedPurposes", List.of("marketing"),
                "validFrom", "2020-01-02", "validUntil", "2020-01-01", "evidence", EVIDENCE), Map.of("input.validUntil",
                        "validUntil 2020-01-01 is before validFrom 2020-01-02; expected validUntil on or after validFrom"));
        assertRefused("recordEnforcementAction", Map.of("id", "gq-x", "kind", "FINE", "regulator", "regulator", "against", "party",
                "status", "RUMOURED", "hedges", List.of(Map.of("field", "amount", "wording", "reportedly")), "evidence", EVIDENCE), Map.of(
                        "input.status", "does not have a value in the enumeration [\"ANNOUNCED\", \"ONGOING\", \"TAKEN\", \"WITHDRAWN\"] or null",
                        "input.hedges[0].wording", "'reportedly' is not in any of the evidence quotes of this enforcement action; "
                                + "the hedging words must be quoted in the record's evidence"));
    }

    private static Map<String, Object> dataset(String id, List<Map<String, Object>> derivedFrom) {
        return Map.of("id", id, "name", "Dataset " + id, "heldBy", "broker", "dataCategories", List.of("name"), "subjectGroups", List.of("voters"),
                "derivedFrom", derivedFrom, "evidence", EVIDENCE);
    }

    /** Refused with exactly these problems (field to message), and nothing written. */
    private void assertRefused(String mutation, Map<String, Object> input, Map<String, String> problems) {
        long before = count();
        graphQl.documentName(mutation).variable("input", input).execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.getFirst().getErrorType().toString()).isEqualTo("BAD_REQUEST");
            @SuppressWarnings("unchecked")
            var actual = (List<Map<String, String>>) errors.getFirst().getExtensions().get("problems");
            assertThat(actual).extracting(p -> Map.entry(p.get("field"), p.get("message")))
                .containsExactlyInAnyOrderElementsOf(problems.entrySet());
        });
        assertThat(count()).as("nothing written by " + mutation).isEqualTo(before);
    }

    private List<Map<String, Object>> rows(String cypher) {
        return driver.executableQuery(cypher).execute().records().stream().map(r -> r.asMap()).toList();
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
