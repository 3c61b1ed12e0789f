package org.datatrail.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.datatrail.support.TestDatabase;
import org.datatrail.system.SchemaMigrations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write path against a real database: what loads, what is refused, and that a refusal writes nothing. */
class FactIngestIntegrationTests {

    static final String SMALL = "src/test/resources/facts/small";

    static TestDatabase db;
    static SeedLoader loader;

    @BeforeAll
    static void start() {
        db = TestDatabase.start();
        loader = new SeedLoader(new FactIngest(db.driver()));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @BeforeEach
    void freshGraph() {
        db.wipe();
        SchemaMigrations.fromClasspath(db.driver()).migrate();
    }

    @Test
    void loadsTheNetworkWithEveryRelationship() {
        loader.load(SMALL);

        var chain = db.rows("""
                MATCH (s:Organisation {id: 'supplier'})-[:SENT]->(t1:Transfer)-[:TO]->(b:Organisation)
                      -[:SENT]->(t2:Transfer)-[:TO]->(p:Organisation)
                MATCH (t1)-[:CARRIES]->(d:Dataset)-[:COLLECTED_UNDER]->(c:Consent)-[:PERMITS]->(:Purpose)-[:INCLUDES]->(n:Purpose)
                MATCH (t1)-[:ON_BEHALF_OF]->(principal)
                RETURN b.id AS broker, p.id AS party, t1.date AS date, t1.recordCount AS count, n.id AS narrower,
                       principal.id AS principal
                """, Map.of());
        assertThat(chain).containsExactly(Map.of("broker", "broker", "party", "party", "date",
                java.time.LocalDate.of(2019, 5, 5), "count", 1000L, "narrower", "postal", "principal", "party"));
        assertThat(db.rows("MATCH (:Organisation {id: 'supplier'})-[:SUPPORTED_BY]->(e:Evidence)-[:CITES]->(s:Source) "
                + "RETURN e.quote AS quote, s.id AS source", Map.of()))
            .containsExactly(Map.of("quote", "Bébé Club collected data.", "source", "src-a"));
        assertThat(db.rows("MATCH (d:Dispute)-[:ABOUT]->(t:Transfer), (d)-[:HAS_CLAIM]->(c:Claim)-[:SUPPORTED_BY]->(e) "
                + "RETURN t.id AS about, c.value AS value, e.quote AS quote ORDER BY value", Map.of()))
            .containsExactly(Map.of("about", "t1", "value", "1,000", "quote", "sold 1,000 records"),
                    Map.of("about", "t1", "value", "more than 2,000", "quote", "more than 2,000 records"));
        assertThat(db.rows("MATCH (o:Organisation {id: 'supplier'}) RETURN o.searchText AS text", Map.of()))
            .containsExactly(Map.of("text", "bebe club ltd\nbabys club"));
    }

    @Test
    void loadingTwiceChangesNothing() {
        loader.load(SMALL);
        var first = db.snapshot();

        var again = loader.load(SMALL);

        assertThat(again).isEqualTo(new FactWriter.Changes(0, 0, 0, 0));
        assertThat(db.snapshot().nodes()).isEqualTo(first.nodes());
        assertThat(db.snapshot().relationships()).isEqualTo(first.relationships());
    }

    @Test
    void invalidJsonIsNamedWithItsLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.json"), "{\n  \"sources\": [\n    { \"id\": \"x\", }\n  ]\n}");

        assertRefused(dir, "a.json: not valid JSON", "line 3");
    }

    @Test
    void aFactWithoutEvidenceIsRefused(@TempDir Path dir) throws IOException {
        write(dir, "organisations", """
                { "id": "lonely", "name": "No Evidence Ltd", "types": ["OTHER"], "evidence": [] }""");

        assertRefused(dir, "organisations[0].evidence (id 'lonely')", "at least 1");
    }

    @Test
    void anUnknownEnumValueIsRefused(@TempDir Path dir) throws IOException {
        write(dir, "organisations", """
                { "id": "odd", "name": "Odd Ltd", "types": ["SPY_AGENCY"], "evidence": [{"source": "src-a", "quote": "odd"}] }""");

        assertRefused(dir, "organisations[0].types[0] (id 'odd')", "DATA_SUPPLIER");
    }

    @Test
    void unknownReferencesAreNamedWithWhatWasExpected(@TempDir Path dir) throws IOException {
        write(dir, "transfers", """
                { "id": "t9", "from": "supplier", "to": "nobody", "dataset": "club-members", "purposes": ["politics"],
                  "evidence": [{"source": "no-such-source", "quote": "moved"}] }""");

        var problems = refusedProblems(dir);

        assertThat(problems).extracting(Problem::toString)
            .anySatisfy(p -> assertThat(p).contains("transfers[0].to (id 't9')").contains("unknown organisation 'nobody'"))
            .anySatisfy(p -> assertThat(p).contains("transfers[0].evidence[0].source").contains("unknown source 'no-such-source'"));
    }

    @Test
    void aReferenceToTheWrongKindIsRefused(@TempDir Path dir) throws IOException {
        loader.load(SMALL);
        write(dir, "transfers", """
                { "id": "t9", "from": "supplier", "to": "club-members", "dataset": "club-members", "purposes": ["politics"],
                  "evidence": [{"source": "src-a", "quote": "moved"}] }""");

        assertRefused(dir, "transfers[0].to (id 't9')", "'club-members' is a dataset, not an organisation");
    }

    @Test
    void duplicateIdsAndIdsOfAnotherKindAreRefused(@TempDir Path dir) throws IOException {
        loader.load(SMALL);
        write(dir, "organisations", """
                { "id": "t1", "name": "Clash Ltd", "types": ["OTHER"], "evidence": [{"source": "src-a", "quote": "x"}] },
                { "id": "twin", "name": "Twin", "types": ["OTHER"], "evidence": [{"source": "src-a", "quote": "x"}] },
                { "id": "twin", "name": "Twin again", "types": ["OTHER"], "evidence": [{"source": "src-a", "quote": "x"}] }""");

        var problems = refusedProblems(dir);

        assertThat(problems).extracting(Problem::toString)
            .anySatisfy(p -> assertThat(p).contains("organisations[0].id (id 't1')").contains("already names a transfer"))
            .anySatisfy(p -> assertThat(p).contains("organisations[2].id (id 'twin')").contains("used twice"));
    }

    @Test
    void impossibleDatesAndSelfTransfersAreRefused(@TempDir Path dir) throws IOException {
        loader.load(SMALL);
        write(dir, "transfers", """
                { "id": "t9", "from": "broker", "to": "broker", "dataset": "club-members", "date": "2017-02-30",
                  "purposes": ["politics"], "evidence": [{"source": "src-a", "quote": "moved"}] }""");

        var problems = refusedProblems(dir);

        assertThat(problems).extracting(Problem::toString)
            .anySatisfy(p -> assertThat(p).contains("transfers[0].date").contains("'2017-02-30' is not a calendar date"))
            .anySatisfy(p -> assertThat(p).contains("transfers[0].to").contains("'to' equals 'from'"));
    }

    @Test
    void eachCategoryKeepsTheGroupsItIsAboutAndRecordingTheDatasetAgainReplacesThem(@TempDir Path dir) throws IOException {
        loader.load(SMALL);
        String pairedBoth = """
                { "datasets": [{ "id": "club-members", "name": "Club members", "heldBy": "supplier", "dataCategories": ["name", "child-dob"],
                  "subjectGroups": ["new parents", "babies"], "categoriesAbout": [
                    { "category": "child-dob", "subjectGroups": ["babies"] }, { "category": "name", "subjectGroups": ["new parents", "babies"] }],
                  "evidence": [{"source": "src-a", "quote": "members' names and babies' birthdays"}] }] }""";
        Files.writeString(dir.resolve("03-paired.json"), pairedBoth);

        loader.load(dir.toString());
        assertThat(about()).containsExactly("child-dob [babies]", "name [new parents, babies]");
        assertThat(loader.load(dir.toString())).as("the same pairing again changes nothing").isEqualTo(new FactWriter.Changes(0, 0, 0, 0));

        // recorded again with one pairing: the other category no longer says whom it is about (absent, not [])
        Files.writeString(dir.resolve("03-paired.json"), pairedBoth.replace("""
                , { "category": "name", "subjectGroups": ["new parents", "babies"] }""", ""));
        loader.load(dir.toString());
        assertThat(about()).containsExactly("child-dob [babies]", "name null");
    }

    @Test
    void aPairingOutsideTheDatasetsOwnCategoriesAndGroupsIsRefusedByFieldAndNothingIsWritten(@TempDir Path dir) throws IOException {
        loader.load(SMALL);
        Files.writeString(dir.resolve("03-bad.json"), """
                { "datasets": [{ "id": "club-members", "name": "Club members", "heldBy": "supplier", "dataCategories": ["name"],
                  "subjectGroups": ["new parents", "babies"], "categoriesAbout": [
                    { "category": "name", "subjectGroups": ["new parents"] },
                    { "category": "child-dob", "subjectGroups": ["babies"] },
                    { "category": "name", "subjectGroups": ["babies", "toddlers"] },
                    { "category": "name", "subjectGroups": [] }],
                  "evidence": [{"source": "src-a", "quote": "members' names and babies' birthdays"}] }] }""");

        assertThat(refusedProblems(dir)).extracting(p -> p.toString().substring(p.toString().indexOf("03-bad.json"))).containsExactlyInAnyOrder(
                "03-bad.json: datasets[0].categoriesAbout[1].category (id 'club-members'): 'child-dob' is not one of this dataset's dataCategories; "
                        + "expected one of name",
                "03-bad.json: datasets[0].categoriesAbout[2].category (id 'club-members'): 'name' is already paired at categoriesAbout[0]; "
                        + "list each category once, with every group it is about",
                "03-bad.json: datasets[0].categoriesAbout[2].subjectGroups[1] (id 'club-members'): 'toddlers' is not one of this dataset's "
                        + "subjectGroups; expected one of 'new parents', 'babies'",
                "03-bad.json: datasets[0].categoriesAbout[3].category (id 'club-members'): 'name' is already paired at categoriesAbout[0]; "
                        + "list each category once, with every group it is about",
                "03-bad.json: datasets[0].categoriesAbout[3].subjectGroups (id 'club-members'): must have at least 1 items but found 0");
    }

    /** Each category of the dataset club-members with its {@code about}, by category id. */
    private List<String> about() {
        return db.rows("MATCH (:Dataset {id: 'club-members'})-[r:HAS_CATEGORY]->(c) RETURN c.id AS category, r.about AS about ORDER BY category",
                Map.of()).stream().map(r -> r.get("category") + " " + r.get("about")).toList();
    }

    @Test
    void everyProblemOfEveryFileIsReportedAtOnceAndNothingIsWritten(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("1-good.json"), Files.readString(Path.of(SMALL, "01-vocabulary.json")));
        Files.writeString(dir.resolve("2-bad.json"), """
                { "organisations": [
                    { "id": "a", "name": "", "types": ["OTHER"], "evidence": [{"source": "src-a", "quote": "x y z"}] },
                    { "id": "b", "name": "B", "types": ["OTHER"], "partOf": "nowhere", "evidence": [{"source": "src-a", "quote": "x y z"}] }
                  ],
                  "colour": "blue" }""");
        var before = db.snapshot();

        var problems = refusedProblems(dir);

        assertThat(problems).extracting(Problem::toString)
            .anySatisfy(p -> assertThat(p).contains("2-bad.json: organisations[0].name (id 'a'): must not be blank"))
            .anySatisfy(p -> assertThat(p).contains("2-bad.json: organisations[1].partOf (id 'b')").contains("unknown organisation 'nowhere'"))
            .anySatisfy(p -> assertThat(p).contains("2-bad.json").contains("colour"));
        assertThat(db.snapshot()).isEqualTo(before);
    }

    private void write(Path dir, String section, String records) throws IOException {
        Files.writeString(dir.resolve("01-vocabulary.json"), Files.readString(Path.of(SMALL, "01-vocabulary.json")));
        Files.writeString(dir.resolve("02-network.json"), Files.readString(Path.of(SMALL, "02-network.json")));
        Files.writeString(dir.resolve("03-new.json"), "{ \"" + section + "\": [" + records + "] }");
        if (section.equals("transfers") || section.equals("organisations")) {
            // the base network is in the database already for some tests; keep only the new file then
            if (db.snapshot().nodes() > 1) {
                Files.delete(dir.resolve("01-vocabulary.json"));
                Files.delete(dir.resolve("02-network.json"));
            }
        }
    }

    private List<Problem> refusedProblems(Path dir) {
        var before = db.snapshot();
        try {
            loader.load(dir.toString());
        }
        catch (FactValidationException e) {
            assertThat(db.snapshot()).as("nothing written").isEqualTo(before);
            return e.problems();
        }
        throw new AssertionError("expected the input to be refused");
    }

    private void assertRefused(Path dir, String where, String what) {
        var before = db.snapshot();
        assertThatThrownBy(() -> loader.load(dir.toString())).isInstanceOf(FactValidationException.class)
            .hasMessageContaining(where)
            .hasMessageContaining(what);
        assertThat(db.snapshot()).isEqualTo(before);
    }
}
