package org.datatrail.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.datatrail.support.TestDatabase;
import org.datatrail.system.SchemaMigrations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write path for lineage and dated facts, against a real database, on the small hand-made network: what is
 * stored (exact properties and relationships), and what is refused (each problem naming its field) with the graph
 * left unchanged.
 */
class LineageIngestIntegrationTests {

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
    void smallNetwork() {
        db.wipe();
        SchemaMigrations.fromClasspath(db.driver()).migrate();
        loader.load(FactIngestIntegrationTests.SMALL);
    }

    @Test
    void storesBoundedDatesValidityCollectionPeriodStatusAndHedges(@TempDir Path dir) throws IOException {
        facts(dir, """
                { "consents": [
                    { "id": "club-notice-2019", "title": "Club privacy notice (2019)", "kind": "PRIVACY_NOTICE", "issuedBy": "supplier",
                      "permittedPurposes": ["marketing"], "validFrom": "2019-01-01", "validUntil": "2019-12-31",
                      "evidence": [{ "source": "src-a", "quote": "the notice took effect on 1 January 2019" }] } ],
                  "datasets": [
                    { "id": "club-2019", "name": "Club members 2019", "heldBy": "supplier", "dataCategories": ["name"],
                      "subjectGroups": ["new parents"], "collectedFrom": "2019-01-01", "collectedUntil": "2019-03-31",
                      "hedges": [{ "field": "collectedUntil", "wording": "until about March" }],
                      "evidence": [{ "source": "src-a", "quote": "collected from January until about March 2019" }] } ],
                  "transfers": [
                    { "id": "t3", "from": "broker", "to": "party", "dataset": "club-2019", "earliest": "2019-05-06", "latest": "2019-06-30",
                      "purposes": ["politics"], "onBehalfOf": "party",
                      "hedges": [{ "field": "onBehalfOf", "wording": "apparently acting as an agent or processor" },
                                 { "field": "earliest", "wording": "some time after 5 May" }],
                      "evidence": [{ "source": "src-b", "quote": "The broker, apparently acting as an agent or processor, sent it on" },
                                   { "source": "src-a", "quote": "some time after 5 May and before July" }] } ],
                  "enforcementActions": [
                    { "id": "audit", "kind": "AUDIT", "regulator": "regulator", "against": "party", "status": "ANNOUNCED",
                      "evidence": [{ "source": "src-a", "quote": "The Regulator will audit The Party" }] } ] }""");

        loader.load(dir.toString());

        assertThat(db.rows("""
                MATCH (t:Transfer {id: 't3'})
                RETURN t.earliest AS earliest, t.latest AS latest, t.date AS date, t.hedges AS hedges""", Map.of()))
            .containsExactly(row("earliest", LocalDate.of(2019, 5, 6), "latest", LocalDate.of(2019, 6, 30), "date", null, "hedges",
                    List.of("onBehalfOf: apparently acting as an agent or processor", "earliest: some time after 5 May")));
        assertThat(db.rows("""
                MATCH (c:Consent {id: 'club-notice-2019'}), (d:Dataset {id: 'club-2019'})
                RETURN c.validFrom AS validFrom, c.validUntil AS validUntil, d.collectedFrom AS collectedFrom,
                       d.collectedUntil AS collectedUntil, d.hedges AS hedges""", Map.of()))
            .containsExactly(row("validFrom", LocalDate.of(2019, 1, 1), "validUntil", LocalDate.of(2019, 12, 31), "collectedFrom",
                    LocalDate.of(2019, 1, 1), "collectedUntil", LocalDate.of(2019, 3, 31), "hedges", List.of("collectedUntil: until about March")));
        assertThat(db.rows("MATCH (a:EnforcementAction) RETURN a.id AS id, a.status AS status ORDER BY id", Map.of()))
            .as("a status the sources do not give stays unrecorded")
            .containsExactly(row("id", "audit", "status", "ANNOUNCED"), row("id", "fine", "status", null));
        assertThat(db.rows("MATCH (f:Fact) WHERE f.hedges IS NOT NULL RETURN f.id AS id ORDER BY id", Map.of()))
            .as("no hedges property on a record without hedges")
            .containsExactly(Map.of("id", "club-2019"), Map.of("id", "t3"));

        var before = db.snapshot();
        assertThat(loader.load(dir.toString())).isEqualTo(new FactWriter.Changes(0, 0, 0, 0));
        assertThat(db.snapshot()).as("loading twice changes nothing").isEqualTo(before);
    }

    @Test
    void datesInTheWrongOrderAreRefusedOnTheFieldThatIsWrong(@TempDir Path dir) throws IOException {
        facts(dir, """
                { "consents": [
                    { "id": "notice-v2", "title": "Notice v2", "kind": "PRIVACY_NOTICE", "permittedPurposes": ["marketing"],
                      "validFrom": "2020-06-01", "validUntil": "2020-05-31", "evidence": [{ "source": "src-a", "quote": "version 2" }] } ],
                  "datasets": [
                    { "id": "list-b", "name": "List B", "heldBy": "broker", "dataCategories": ["name"], "subjectGroups": ["voters"],
                      "collectedFrom": "2018-01-01", "collectedUntil": "2017-12-31", "evidence": [{ "source": "src-a", "quote": "list B" }] } ],
                  "transfers": [
                    { "id": "t-bounds", "from": "broker", "to": "party", "dataset": "club-members", "earliest": "2019-07-01",
                      "latest": "2019-06-01", "purposes": ["politics"], "evidence": [{ "source": "src-a", "quote": "moved" }] },
                    { "id": "t-early", "from": "broker", "to": "party", "dataset": "club-members", "date": "2019-04-30",
                      "earliest": "2019-05-01", "purposes": ["politics"], "evidence": [{ "source": "src-a", "quote": "moved" }] },
                    { "id": "t-late", "from": "broker", "to": "party", "dataset": "club-members", "date": "2019-08-01",
                      "latest": "2019-07-31", "purposes": ["politics"], "evidence": [{ "source": "src-a", "quote": "moved" }] },
                    { "id": "t-feb", "from": "broker", "to": "party", "dataset": "club-members", "earliest": "2019-02-30",
                      "purposes": ["politics"], "evidence": [{ "source": "src-a", "quote": "moved" }] } ] }""");

        assertThat(refused(dir)).containsExactlyInAnyOrder(
                "03-new.json: consents[0].validUntil (id 'notice-v2'): validUntil 2020-05-31 is before validFrom 2020-06-01; "
                        + "expected validUntil on or after validFrom",
                "03-new.json: datasets[0].collectedUntil (id 'list-b'): collectedUntil 2017-12-31 is before collectedFrom 2018-01-01; "
                        + "expected collectedUntil on or after collectedFrom",
                "03-new.json: transfers[0].latest (id 't-bounds'): latest 2019-06-01 is before earliest 2019-07-01; "
                        + "expected latest on or after earliest",
                "03-new.json: transfers[1].date (id 't-early'): date 2019-04-30 is before earliest 2019-05-01; "
                        + "a transfer's date must lie within its earliest and latest bounds",
                "03-new.json: transfers[2].date (id 't-late'): date 2019-08-01 is after latest 2019-07-31; "
                        + "a transfer's date must lie within its earliest and latest bounds",
                "03-new.json: transfers[3].earliest (id 't-feb'): '2019-02-30' is not a calendar date; expected YYYY-MM-DD");
    }

    @Test
    void aHedgeMustNameAFieldAndQuoteTheRecordsOwnEvidence(@TempDir Path dir) throws IOException {
        facts(dir, """
                { "transfers": [
                    { "id": "t-hedged", "from": "broker", "to": "party", "dataset": "club-members", "purposes": ["politics"],
                      "onBehalfOf": "party",
                      "hedges": [{ "field": "onBehalfOf", "wording": "apparently  acting as an ‘agent’" },
                                 { "field": "onBehalfOf", "wording": "probably an agent" },
                                 { "field": "principal", "wording": "sent" },
                                 { "field": "onBehalfOf", "wording": "Apparently acting" }],
                      "evidence": [{ "source": "src-a", "quote": "the broker sent it, apparently acting as an 'agent'" }] } ],
                  "enforcementActions": [
                    { "id": "audit", "kind": "AUDIT", "regulator": "regulator", "against": "party",
                      "hedges": [{ "field": "kind", "wording": "The Party used it" }],
                      "evidence": [{ "source": "src-a", "quote": "an audit of The Party" }] } ] }""");

        assertThat(refused(dir)).containsExactlyInAnyOrder(
                "03-new.json: transfers[0].hedges[1].wording (id 't-hedged'): 'probably an agent' is not in any of the evidence quotes of "
                        + "this transfer; the hedging words must be quoted in the record's evidence",
                "03-new.json: transfers[0].hedges[2].field (id 't-hedged'): 'principal' is not a field of a transfer; expected one of "
                        + "agreement, dataset, date, earliest, from, latest, onBehalfOf, purposes, recordCount, recordCountIsLowerBound, to",
                "03-new.json: transfers[0].hedges[3].wording (id 't-hedged'): 'Apparently acting' is not in any of the evidence quotes of "
                        + "this transfer; the hedging words must be quoted in the record's evidence",
                "03-new.json: enforcementActions[0].hedges[0].wording (id 'audit'): 'The Party used it' is not in any of the evidence "
                        + "quotes of this enforcement action; the hedging words must be quoted in the record's evidence");
    }

    /** Two datasets of the broker's, to derive from and into, with evidence of their own. */
    private static final String BROKER_DATASETS = """
            { "id": "broker-list", "name": "Broker's own list", "heldBy": "broker", "dataCategories": ["name"], "subjectGroups": ["voters"],
              "evidence": [{ "source": "src-a", "quote": "the broker's own list of voters" }] }""";

    /** {@code merged}, made by the broker from the club's members and its own list. */
    private static final String MERGED = """
            { "id": "merged", "name": "Merged list", "heldBy": "broker", "dataCategories": ["name", "child-dob"],
              "subjectGroups": ["new parents", "voters"],
              "derivedFrom": [
                { "source": "club-members", "kind": "MERGE", "date": "2019-05-07",
                  "hedges": [{ "field": "date", "wording": "reportedly on 7 May" }],
                  "evidence": [{ "source": "src-a", "quote": "the broker merged the club's members, reportedly on 7 May" }] },
                { "id": "merge-own-list", "source": "broker-list", "kind": "MERGE",
                  "evidence": [{ "source": "src-b", "quote": "with its own list of voters" }] } ],
              "evidence": [{ "source": "src-a", "quote": "a merged list" }] }""";

    @Test
    void aDatasetsDerivationsAreWrittenAsDerivationFactsWithTheirEvidence(@TempDir Path dir) throws IOException {
        facts(dir, "{ \"datasets\": [" + MERGED + ", " + BROKER_DATASETS + "] }");

        loader.load(dir.toString());

        String derived = FactWriter.derivationId("merged", "club-members");
        assertThat(derived).isEqualTo("derivation-" + sha256("merged\0club-members\0").substring(0, 20));
        assertThat(db.rows("""
                MATCH (x:Derivation)
                RETURN x.id AS id, COLLECT { UNWIND labels(x) AS l RETURN l ORDER BY l } AS labels, x.kind AS kind, x.date AS date, x.hedges AS hedges,
                       [(s)-[:FEEDS]->(x) | s.id] AS from, [(x)-[:INTO]->(d) | d.id] AS into,
                       [(x)-[:SUPPORTED_BY]->(e:Evidence)-[:CITES]->(src:Source) | src.id + ': ' + e.quote] AS evidence,
                       COUNT { (x)--(n) WHERE NOT n:AuditEntry } AS relationships, valueType(x.recordedAt) AS recordedAt
                ORDER BY id""", Map.of()))
            .containsExactly(
                    row("id", derived, "labels", List.of("Derivation", "Fact"), "kind", "MERGE", "date", LocalDate.of(2019, 5, 7), "hedges",
                            List.of("date: reportedly on 7 May"), "from", List.of("club-members"), "into", List.of("merged"), "evidence",
                            List.of("src-a: the broker merged the club's members, reportedly on 7 May"), "relationships", 3L, "recordedAt",
                            "ZONED DATETIME NOT NULL"),
                    row("id", "merge-own-list", "labels", List.of("Derivation", "Fact"), "kind", "MERGE", "date", null, "hedges", null, "from",
                            List.of("broker-list"), "into", List.of("merged"), "evidence", List.of("src-b: with its own list of voters"),
                            "relationships", 3L, "recordedAt", "ZONED DATETIME NOT NULL"));
        assertThat(db.rows("MATCH (a:AuditEntry)-[:RECORDED]->(x:Derivation) WITH a, x ORDER BY x.id RETURN a.recordIds AS ids, collect(x.id) AS recorded", Map.of()))
            .as("the audit entry records the derivations as records of their own")
            .containsExactly(row("ids", List.of("merged", derived, "merge-own-list", "broker-list"), "recorded", List.of(derived, "merge-own-list")));

        var before = db.snapshot();
        assertThat(loader.load(dir.toString())).isEqualTo(new FactWriter.Changes(0, 0, 0, 0));
        assertThat(db.snapshot()).as("loading twice changes nothing").isEqualTo(before);
    }

    @Test
    void recordingADatasetAgainReplacesItsDerivations(@TempDir Path dir) throws IOException {
        facts(dir, "{ \"datasets\": [" + MERGED + ", " + BROKER_DATASETS + "] }");
        loader.load(dir.toString());
        long evidenceBefore = count("MATCH (e:Evidence) RETURN count(e) AS n");

        facts(dir, "{ \"datasets\": [" + MERGED.replaceAll("(?s)\\{ \"source\": \"club-members\".*?\\] \\},", "") + "] }");
        var changes = loader.load(dir.toString());

        assertThat(db.rows("MATCH (x:Derivation)-[:INTO]->(:Dataset {id: 'merged'}) RETURN x.id AS id", Map.of()))
            .containsExactly(Map.of("id", "merge-own-list"));
        assertThat(count("MATCH (e:Evidence) RETURN count(e) AS n")).as("the dropped derivation's own evidence went with it")
            .isEqualTo(evidenceBefore - 1);
        assertThat(changes).isEqualTo(new FactWriter.Changes(0, 2, 0, 5));
        assertThat(db.rows("MATCH (a:AuditEntry) WHERE a.nodesDeleted > 0 RETURN a.nodesDeleted AS nodes, a.relationshipsDeleted AS rels",
                Map.of())).containsExactly(Map.of("nodes", 2L, "rels", 5L));
    }

    @Test
    void aDerivationMustComeFromAnotherKnownDatasetOncePerSource(@TempDir Path dir) throws IOException {
        facts(dir, """
                { "datasets": [
                    { "id": "copy", "name": "Copy", "heldBy": "broker", "dataCategories": ["name"], "subjectGroups": ["voters"],
                      "derivedFrom": [
                        { "source": "nowhere", "kind": "COPY", "evidence": [{ "source": "src-a", "quote": "a copy" }] },
                        { "source": "copy", "kind": "SUBSET", "evidence": [{ "source": "src-a", "quote": "a copy" }] },
                        { "source": "club-members", "kind": "SUBSET", "date": "2019-02-29", "evidence": [{ "source": "src-a", "quote": "a copy" }] },
                        { "source": "club-members", "kind": "ENRICHMENT", "evidence": [{ "source": "no-source", "quote": "a copy" }] },
                        { "source": "t1", "kind": "GUESS", "hedges": [{ "field": "source", "wording": "perhaps" }],
                          "evidence": [{ "source": "src-a", "quote": "a copy" }] } ],
                      "evidence": [{ "source": "src-a", "quote": "a copy" }] } ] }""");

        assertThat(refused(dir)).containsExactlyInAnyOrder(
                "03-new.json: datasets[0].derivedFrom[4].kind (id 'copy'): does not have a value in the enumeration "
                        + "[\"COPY\", \"SUBSET\", \"MERGE\", \"ENRICHMENT\", \"MODEL\"]",
                "03-new.json: datasets[0].derivedFrom[0].source (id 'copy'): unknown dataset 'nowhere'; expected the id of a dataset "
                        + "defined in the input or already in the database",
                "03-new.json: datasets[0].derivedFrom[1].source (id 'copy'): a dataset cannot be derived from itself; expected the id of "
                        + "another dataset",
                "03-new.json: datasets[0].derivedFrom[2].date (id 'copy'): '2019-02-29' is not a calendar date; expected YYYY-MM-DD",
                "03-new.json: datasets[0].derivedFrom[3].source (id 'copy'): 'club-members' is already a source of this dataset; list "
                        + "each source once (a MERGE has one derivation per dataset merged)",
                "03-new.json: datasets[0].derivedFrom[3].evidence[0].source (id 'copy'): unknown source 'no-source'; expected the id of "
                        + "a source defined in the input or already in the database",
                "03-new.json: datasets[0].derivedFrom[4].source (id 'copy'): 't1' is a transfer, not a dataset; expected the id of a "
                        + "dataset defined in the input or already in the database",
                "03-new.json: datasets[0].derivedFrom[4].hedges[0].wording (id 'copy'): 'perhaps' is not in any of the evidence quotes "
                        + "of this derivation; the hedging words must be quoted in the record's evidence");
    }

    @Test
    void aDerivationThatWouldMakeACycleIsRefusedNamingTheCycle(@TempDir Path dir) throws IOException {
        facts(dir, """
                { "datasets": [
                    { "id": "a", "name": "A", "heldBy": "broker", "dataCategories": ["name"], "subjectGroups": ["voters"],
                      "derivedFrom": [{ "source": "c", "kind": "COPY", "evidence": [{ "source": "src-a", "quote": "A copies C" }] }],
                      "evidence": [{ "source": "src-a", "quote": "list A" }] },
                    { "id": "b", "name": "B", "heldBy": "broker", "dataCategories": ["name"], "subjectGroups": ["voters"],
                      "derivedFrom": [{ "source": "a", "kind": "SUBSET", "evidence": [{ "source": "src-a", "quote": "B is part of A" }] }],
                      "evidence": [{ "source": "src-a", "quote": "list B" }] },
                    { "id": "c", "name": "C", "heldBy": "broker", "dataCategories": ["name"], "subjectGroups": ["voters"],
                      "derivedFrom": [{ "source": "b", "kind": "MODEL", "evidence": [{ "source": "src-a", "quote": "C models B" }] }],
                      "evidence": [{ "source": "src-a", "quote": "list C" }] } ] }""");

        assertThat(refused(dir)).containsExactlyInAnyOrder(
                "03-new.json: datasets[0].derivedFrom[0].source (id 'a'): deriving 'a' from 'c' would make a cycle: a <- c <- b <- a",
                "03-new.json: datasets[1].derivedFrom[0].source (id 'b'): deriving 'b' from 'a' would make a cycle: b <- a <- c <- b",
                "03-new.json: datasets[2].derivedFrom[0].source (id 'c'): deriving 'c' from 'b' would make a cycle: c <- b <- a <- c");
    }

    @Test
    void aDerivationThatWouldCloseACycleWithTheDatabasesIsRefused(@TempDir Path dir) throws IOException {
        facts(dir, "{ \"datasets\": [" + MERGED + ", " + BROKER_DATASETS + "] }");
        loader.load(dir.toString());
        String clubMembers = """
                { "id": "club-members", "name": "Club members", "heldBy": "supplier", "dataCategories": ["name", "child-dob"],
                  "subjectGroups": ["new parents", "babies"], "collectionChannels": ["website"], "consents": ["club-notice"],
                  "derivedFrom": [{ "source": "%s", "kind": "ENRICHMENT", "evidence": [{ "source": "src-a", "quote": "enriched" }] }],
                  "evidence": [{ "source": "src-a", "quote": "members' names and babies' birthdays" }] }""";
        facts(dir, "{ \"datasets\": [" + clubMembers.formatted("merged") + "] }");

        assertThat(refused(dir)).containsExactly("03-new.json: datasets[0].derivedFrom[0].source (id 'club-members'): deriving "
                + "'club-members' from 'merged' would make a cycle: club-members <- merged <- club-members");

        // merged, recorded again without club-members among its sources, no longer stands in the way
        facts(dir, "{ \"datasets\": [" + clubMembers.formatted("merged") + ", "
                + MERGED.replaceAll("(?s)\\{ \"source\": \"club-members\".*?\\] \\},", "") + "] }");
        loader.load(dir.toString());
        assertThat(db.rows("MATCH (d:Dataset)<-[:INTO]-(:Derivation)<-[:FEEDS]-(s:Dataset) RETURN d.id + ' <- ' + s.id AS edge ORDER BY edge",
                Map.of())).extracting(r -> r.get("edge")).containsExactly("club-members <- merged", "merged <- broker-list");
    }

    @Test
    void aDerivationIdBelongsToOneDataset(@TempDir Path dir) throws IOException {
        facts(dir, "{ \"datasets\": [" + MERGED + ", " + BROKER_DATASETS + "] }");
        loader.load(dir.toString());
        facts(dir, """
                { "datasets": [
                    { "id": "other", "name": "Other", "heldBy": "broker", "dataCategories": ["name"], "subjectGroups": ["voters"],
                      "derivedFrom": [{ "id": "merge-own-list", "source": "broker-list", "kind": "COPY",
                                        "evidence": [{ "source": "src-a", "quote": "a copy" }] },
                                      { "id": "fine", "source": "club-members", "kind": "COPY",
                                        "evidence": [{ "source": "src-a", "quote": "a copy" }] }],
                      "evidence": [{ "source": "src-a", "quote": "another list" }] } ] }""");

        assertThat(refused(dir)).containsExactlyInAnyOrder(
                "03-new.json: datasets[0].derivedFrom[0].id (id 'other'): 'merge-own-list' already names the derivation of dataset "
                        + "'merged' in the database; a derivation belongs to one dataset, so this one needs an id of its own",
                "03-new.json: datasets[0].derivedFrom[1].id (id 'other'): id already names an enforcement action in the database; "
                        + "a derivation needs an id of its own");
    }

    /** A version of the club's notice; {@code %s} is what it supersedes (an id in quotes, or null). */
    private static final String NOTICE = """
            { "id": "%s", "title": "Club privacy notice (%s)", "kind": "PRIVACY_NOTICE", "issuedBy": "supplier",
              "permittedPurposes": ["marketing"], "supersedes": %s, "evidence": [{ "source": "src-a", "quote": "the notice was replaced" }] }""";

    @Test
    void aConsentVersionSupersedesTheOneItReplaced(@TempDir Path dir) throws IOException {
        facts(dir, "{ \"consents\": [" + NOTICE.formatted("notice-2021", "2021", "\"notice-2020\"") + ", "
                + NOTICE.formatted("notice-2020", "2020", "\"club-notice\"") + "] }");

        loader.load(dir.toString());

        assertThat(db.rows("MATCH (n:Consent)-[:SUPERSEDES]->(o:Consent) RETURN n.id + ' supersedes ' + o.id AS line ORDER BY line", Map.of()))
            .extracting(r -> r.get("line")).containsExactly("notice-2020 supersedes club-notice", "notice-2021 supersedes notice-2020");

        facts(dir, "{ \"consents\": [" + NOTICE.formatted("notice-2021", "2021", "null") + "] }");
        assertThat(loader.load(dir.toString())).as("recorded again without supersedes").isEqualTo(new FactWriter.Changes(0, 0, 0, 1));
        assertThat(db.rows("MATCH (n:Consent)-[:SUPERSEDES]->(o:Consent) RETURN n.id + ' supersedes ' + o.id AS line", Map.of()))
            .extracting(r -> r.get("line")).containsExactly("notice-2020 supersedes club-notice");
    }

    @Test
    void aConsentMustSupersedeAnotherConsentWithoutACycleOfVersions(@TempDir Path dir) throws IOException {
        facts(dir, "{ \"consents\": [" + NOTICE.formatted("notice-2020", "2020", "\"club-notice\"") + "] }");
        loader.load(dir.toString());
        String clubNotice = """
                { "id": "club-notice", "title": "Club privacy notice", "kind": "PRIVACY_NOTICE", "issuedBy": "supplier",
                  "permittedPurposes": ["marketing"], "channels": ["post"], "supersedes": "%s",
                  "evidence": [{ "source": "src-a", "quote": "agreed to marketing" }] }""";
        facts(dir, "{ \"consents\": [" + clubNotice.formatted("notice-2021") + ", " + NOTICE.formatted("notice-2021", "2021", "\"notice-2020\"")
                + ", " + NOTICE.formatted("notice-x", "x", "\"notice-x\"") + ", " + NOTICE.formatted("notice-y", "y", "\"nowhere\"") + ", "
                + NOTICE.formatted("notice-z", "z", "\"club-members\"") + "] }");

        assertThat(refused(dir)).containsExactlyInAnyOrder(
                "03-new.json: consents[0].supersedes (id 'club-notice'): 'club-notice' superseding 'notice-2021' would make a cycle of "
                        + "versions: club-notice supersedes notice-2021 supersedes notice-2020 supersedes club-notice",
                "03-new.json: consents[1].supersedes (id 'notice-2021'): 'notice-2021' superseding 'notice-2020' would make a cycle of "
                        + "versions: notice-2021 supersedes notice-2020 supersedes club-notice supersedes notice-2021",
                "03-new.json: consents[2].supersedes (id 'notice-x'): a consent cannot supersede itself; expected the id of the version "
                        + "it replaced",
                "03-new.json: consents[3].supersedes (id 'notice-y'): unknown consent 'nowhere'; expected the id of a consent defined in "
                        + "the input or already in the database",
                "03-new.json: consents[4].supersedes (id 'notice-z'): 'club-members' is a dataset, not a consent; expected the id of a "
                        + "consent defined in the input or already in the database");

        // the cycle through the database alone: only the new version's link is in the input
        facts(dir, "{ \"consents\": [" + clubNotice.formatted("notice-2020") + "] }");
        assertThat(refused(dir)).containsExactly("03-new.json: consents[0].supersedes (id 'club-notice'): 'club-notice' superseding "
                + "'notice-2020' would make a cycle of versions: club-notice supersedes notice-2020 supersedes club-notice");
    }

    /** Writes {@code json} as the one facts file of {@code dir}, on top of the small network already loaded. */
    private static void facts(Path dir, String json) throws IOException {
        Files.writeString(dir.resolve("03-new.json"), json);
    }

    /** Loads {@code dir}, expecting a refusal; asserts that nothing was written and returns the problems as printed. */
    private static List<String> refused(Path dir) {
        var before = db.snapshot();
        try {
            loader.load(dir.toString());
        }
        catch (FactValidationException e) {
            assertThat(db.snapshot()).as("nothing written").isEqualTo(before);
            return e.problems().stream().map(p -> p.toString().replace(dir + "/", "")).toList();
        }
        throw new AssertionError("expected the input to be refused");
    }

    private static long count(String cypher) {
        return (Long) db.rows(cypher, Map.of()).getFirst().get("n");
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A row with {@code null} values allowed ({@code Map.of} refuses them). */
    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}
