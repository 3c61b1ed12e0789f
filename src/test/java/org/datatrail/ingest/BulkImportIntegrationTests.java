package org.datatrail.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.datatrail.generate.NetworkGenerator;
import org.datatrail.support.TestDatabase;
import org.datatrail.system.SchemaMigrations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import}: a generated network through the one write path, idempotent re-runs, and bad rows by file and line. */
class BulkImportIntegrationTests {

    static TestDatabase db;
    static BulkImport bulk;

    @TempDir
    static Path network;

    @BeforeAll
    static void start() {
        db = TestDatabase.start();
        bulk = new BulkImport(new FactIngest(db.driver()));
        NetworkGenerator.generate(NetworkGenerator.Size.XS, 42, network);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @BeforeEach
    void empty() {
        db.wipe();
        SchemaMigrations.fromClasspath(db.driver()).migrate();
    }

    static long count(String cypher) {
        return ((Number) db.rows(cypher, Map.of()).getFirst().values().iterator().next()).longValue();
    }

    @Test
    void aGeneratedNetworkLoadsInBatchesAndASecondLoadChangesNothing() throws IOException {
        long transfers = Files.readAllLines(network.resolve("transfers.jsonl")).size();

        BulkImport.Result first = bulk.load(network, 300, null);

        assertThat(count("MATCH (o:Organisation) RETURN count(o)")).isEqualTo(1_000);
        assertThat(count("MATCH (:Organisation)-[:SENT]->(t:Transfer)-[:TO]->(:Organisation) RETURN count(t)")).isEqualTo(transfers);
        assertThat(count("MATCH (f:Fact) WHERE NOT (f)-[:SUPPORTED_BY]->(:Evidence)-[:CITES]->(:Source) RETURN count(f)")).isZero();
        // the audit trail's links to what each batch recorded are written beside the facts, not counted with them
        assertThat(first.relationshipsCreated()).isEqualTo(count("MATCH ()-[r]->() WHERE NOT r:RECORDED RETURN count(r)"));
        assertThat(count("MATCH (:AuditEntry)-[r:RECORDED]->(:Fact) RETURN count(r)")).isEqualTo(count("MATCH (f:Fact) RETURN count(f)"));
        assertThat(count("MATCH (a:AuditEntry) RETURN count(a)")).as("one audit entry per batch").isGreaterThan(4);

        var before = db.snapshot();
        BulkImport.Result second = bulk.load(network, 300, null);
        assertThat(second.nodesCreated()).isZero();
        assertThat(second.relationshipsCreated()).isZero();
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void aBadRowStopsTheImportNamingFileLineAndFieldAndNothingOfItsBatchIsWritten(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("sources.jsonl"), """
                {"id": "src", "title": "A report"}
                """);
        Files.writeString(dir.resolve("organisations.jsonl"), """
                {"id": "a", "name": "A Ltd", "types": ["DATA_SUPPLIER"], "evidence": [{"source": "src", "quote": "A sells"}]}

                {"id": "b", "name": "B Ltd", "types": ["DATA_BROKER"], "evidence": [{"source": "src", "quote": "B buys"}]}
                {"id": "c", "name": "C Ltd", "types": ["WIZARD"], "evidence": [{"source": "nowhere", "quote": "C casts"}]}
                {"id": "d", "name": "D Ltd", "types": ["OTHER"], "evidence": [{"source": "src", "quote": "D exists"}]}
                """);

        assertThatThrownBy(() -> bulk.load(dir, 2, null)).isInstanceOf(FactValidationException.class)
            .satisfies(e -> assertThat(((FactValidationException) e).problems()).extracting(Problem::toString).containsExactlyInAnyOrder(
                    "organisations.jsonl:4: types[0] (id 'c'): does not have a value in the enumeration [\"DATA_SUPPLIER\", \"DATA_BROKER\", "
                            + "\"CREDIT_REFERENCE_AGENCY\", \"POLITICAL_PARTY\", \"CAMPAIGN_GROUP\", \"REGULATOR\", \"PLATFORM\", \"CONSULTANCY\", \"OTHER\"]",
                    "organisations.jsonl:4: evidence[0].source (id 'c'): unknown source 'nowhere'; expected the id of a source defined in the input or already in the database"));
        // the batch of lines 1-3 (a, b) was loaded before; the batch of lines 4-5 (c, d) was refused whole
        assertThat(db.rows("MATCH (o:Organisation) RETURN o.id AS id ORDER BY id", Map.of())).extracting(r -> r.get("id"))
            .containsExactly("a", "b");
    }

    @Test
    void malformedJsonAndStrayFilesAreNamed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("sources.jsonl"), "{\"id\": \"src\", \"title\": \"A report\"}\n{\"id\": \n");
        assertThatThrownBy(() -> bulk.load(dir, 100, null)).isInstanceOf(FactValidationException.class)
            .satisfies(e -> assertThat(((FactValidationException) e).problems()).singleElement().asString()
                .startsWith("sources.jsonl:2: not valid JSON"));

        Files.writeString(dir.resolve("transfer.jsonl"), "{}\n");
        assertThatThrownBy(() -> bulk.load(dir, 100, null)).isInstanceOf(FactValidationException.class)
            .satisfies(e -> assertThat(((FactValidationException) e).problems()).singleElement().asString()
                .startsWith("transfer.jsonl: is not a section of the facts schema; expected one of sources.jsonl, purposes.jsonl"));
        assertThat(db.rows("MATCH (s:Source) RETURN count(s) AS n", Map.of()).getFirst()).containsEntry("n", 0L);
    }

    @Test
    void aPairingOfACategoryWithAGroupIsCheckedLineByLineOnlineAndOfflineAlike(@TempDir Path dir, @TempDir Path dataDir) throws IOException {
        Files.writeString(dir.resolve("sources.jsonl"), """
                {"id": "src", "title": "A report"}
                """);
        Files.writeString(dir.resolve("organisations.jsonl"), """
                {"id": "b", "name": "B Ltd", "types": ["DATA_BROKER"], "evidence": [{"source": "src", "quote": "B buys"}]}
                """);
        Files.writeString(dir.resolve("dataCategories.jsonl"), """
                {"id": "name", "name": "Name", "concernsChildren": false}
                {"id": "child-dob", "name": "Child's date of birth", "concernsChildren": true}
                """);
        Files.writeString(dir.resolve("datasets.jsonl"), """
                {"id": "x", "name": "X", "heldBy": "b", "dataCategories": ["name", "child-dob"], "subjectGroups": ["parents", "babies"], "categoriesAbout": [{"category": "child-dob", "subjectGroups": ["babies"]}], "evidence": [{"source": "src", "quote": "list X"}]}
                {"id": "y", "name": "Y", "heldBy": "b", "dataCategories": ["name"], "subjectGroups": ["voters"], "categoriesAbout": [{"category": "child-dob", "subjectGroups": ["voters"]}, {"category": "name", "subjectGroups": ["adults"]}], "evidence": [{"source": "src", "quote": "list Y"}]}
                """);
        List<String> refusal = List.of(
                "datasets.jsonl:2: categoriesAbout[0].category (id 'y'): 'child-dob' is not one of this dataset's dataCategories; expected one of name",
                "datasets.jsonl:2: categoriesAbout[1].subjectGroups[0] (id 'y'): 'adults' is not one of this dataset's subjectGroups; "
                        + "expected one of 'voters'");

        assertThatThrownBy(() -> bulk.load(dir, 1, null)).isInstanceOf(FactValidationException.class)
            .satisfies(e -> assertThat(((FactValidationException) e).problems()).extracting(Problem::toString).containsExactlyElementsOf(refusal));
        assertThat(db.rows("MATCH (d:Dataset)-[r:HAS_CATEGORY]->(c) RETURN d.id + ' ' + c.id + ' ' + coalesce(r.about[0], '-') AS line ORDER BY line",
                Map.of())).extracting(r -> r.get("line")).as("line 1 loaded with its pairing, line 2 refused")
            .containsExactly("x child-dob babies", "x name -");

        assertThatThrownBy(() -> new OfflineImport().load(dir, dataDir, 1, null)).isInstanceOf(FactValidationException.class)
            .satisfies(e -> assertThat(((FactValidationException) e).problems()).extracting(Problem::toString).containsExactlyElementsOf(refusal));
        assertThat(OfflineImport.canLoadInto(dataDir)).as("offline, nothing at all was written").isTrue();
    }

    @Test
    void derivationsInDatasetLinesLoadAndABatchsCycleCheckSeesTheDerivationsAlreadyLoaded(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("sources.jsonl"), """
                {"id": "src", "title": "A report"}
                """);
        Files.writeString(dir.resolve("organisations.jsonl"), """
                {"id": "b", "name": "B Ltd", "types": ["DATA_BROKER"], "evidence": [{"source": "src", "quote": "B buys"}]}
                """);
        Files.writeString(dir.resolve("dataCategories.jsonl"), """
                {"id": "name", "name": "Name", "concernsChildren": false}
                """);
        Files.writeString(dir.resolve("datasets.jsonl"), """
                {"id": "x", "name": "X", "heldBy": "b", "dataCategories": ["name"], "subjectGroups": ["adults"], "evidence": [{"source": "src", "quote": "list X"}]}
                {"id": "y", "name": "Y", "heldBy": "b", "dataCategories": ["name"], "subjectGroups": ["adults"], "derivedFrom": [{"source": "x", "kind": "SUBSET", "evidence": [{"source": "src", "quote": "Y is part of X"}]}], "evidence": [{"source": "src", "quote": "list Y"}]}
                {"id": "z", "name": "Z", "heldBy": "b", "dataCategories": ["name"], "subjectGroups": ["adults"], "derivedFrom": [{"source": "y", "kind": "MODEL", "evidence": [{"source": "src", "quote": "Z models Y"}]}], "evidence": [{"source": "src", "quote": "list Z"}]}
                {"id": "x", "name": "X", "heldBy": "b", "dataCategories": ["name"], "subjectGroups": ["adults"], "derivedFrom": [{"source": "z", "kind": "COPY", "evidence": [{"source": "src", "quote": "X copies Z"}]}], "evidence": [{"source": "src", "quote": "list X"}]}
                """);

        // line 4 is a batch of its own: y <- x and z <- y are in the database by then, not in its input
        assertThatThrownBy(() -> bulk.load(dir, 3, null)).isInstanceOf(FactValidationException.class)
            .satisfies(e -> assertThat(((FactValidationException) e).problems()).extracting(Problem::toString).containsExactly(
                    "datasets.jsonl:4: derivedFrom[0].source (id 'x'): deriving 'x' from 'z' would make a cycle: x <- z <- y <- x"));
        assertThat(db.rows("MATCH (d:Dataset)<-[:INTO]-(:Derivation)<-[:FEEDS]-(s:Dataset) RETURN d.id + ' <- ' + s.id AS edge ORDER BY edge",
                Map.of())).extracting(r -> r.get("edge")).as("the batch of lines 1-3 was loaded, line 4 refused")
            .containsExactly("y <- x", "z <- y");
    }
}
