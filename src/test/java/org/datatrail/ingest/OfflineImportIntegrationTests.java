package org.datatrail.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.datatrail.generate.NetworkGenerator;
import org.datatrail.support.TestDatabase;
import org.datatrail.system.DataTrailProperties;
import org.datatrail.system.EmbeddedNeo4j;
import org.datatrail.system.SchemaMigrations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The offline import (Neo4j's importer into a new embedded database) makes the very graph the online write path
 * makes from the same files, refuses the same bad lines, and leaves no database behind when it refuses.
 */
// the output is captured by swapping System.out and System.err: one class at a time may do that
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
@ExtendWith(OutputCaptureExtension.class)
class OfflineImportIntegrationTests {

    /** Every node but the audit trail's, with its labels and every property's type and value (recordedAt: type only). */
    private static final String NODES = """
            MATCH (n) WHERE n.id IS NOT NULL AND NOT n:AuditEntry
            WITH n, COLLECT { UNWIND labels(n) AS l RETURN l ORDER BY l } AS labels, COLLECT { UNWIND keys(n) AS k RETURN k ORDER BY k } AS keys
            RETURN reduce(s = '', l IN labels | s + ':' + l) + ' {' + reduce(s = '', k IN keys | s + k + ' ' + valueType(n[k])
              + CASE WHEN k = 'recordedAt' THEN '' WHEN valueType(n[k]) STARTS WITH 'LIST' THEN ' [' + reduce(t = '', x IN n[k] | t + toString(x) + ';') + ']'
                ELSE ' ' + toString(n[k]) END + ', ') + '}' AS line
            ORDER BY line""";

    /** Every relationship but the audit trail's, with every property's type and value (a category's {@code about}). */
    private static final String RELATIONSHIPS = """
            MATCH (a)-[r]->(b) WHERE NOT a:AuditEntry
            WITH a, r, b, COLLECT { UNWIND keys(r) AS k RETURN k ORDER BY k } AS keys
            RETURN a.id + ' ' + type(r) + ' ' + b.id + ' {' + reduce(s = '', k IN keys | s + k + ' ' + valueType(r[k])
              + CASE WHEN valueType(r[k]) STARTS WITH 'LIST' THEN ' [' + reduce(t = '', x IN r[k] | t + toString(x) + ';') + ']'
                ELSE ' ' + toString(r[k]) END + ', ') + '}' AS line
            ORDER BY line""";

    private static final String AUDIT = """
            MATCH (a:AuditEntry)
            RETURN a.role + ' ' + a.tokenLabel + ' ' + a.operation + ' ' + size(a.recordIds) + ' ' + a.nodesCreated + ' ' + a.nodesDeleted + ' '
              + a.relationshipsCreated + ' ' + a.relationshipsDeleted + ' ' + (a.input IS NULL) + ' ' + COUNT { (a)-[:RECORDED]->(:Fact) }
              + ' ' + valueType(a.at) AS line
            ORDER BY line""";

    /** A small hand-made network with every lineage field: derivations, bounded dates, consent versions, a status, hedges. */
    static final String LINEAGE = "src/test/resources/facts/lineage-import";

    static TestDatabase online;

    @BeforeAll
    static void start() {
        online = TestDatabase.start();
    }

    @AfterAll
    static void stop() {
        online.close();
    }

    @Test
    void theSeedCaseImportsOfflineIntoTheSameGraphAsOnline(@TempDir Path folder, @TempDir Path dataDir) throws IOException {
        seedAsJsonLines(folder);
        // a list item holding the importer's array delimiter (U+001F) cannot go through its CSV: it is set afterwards.
        // Names and aliases may not hold control characters; a hedge's wording is verbatim text and may.
        Files.writeString(folder.resolve("organisations.jsonl"), """
                {"id": "odd-one", "name": "Odd One", "aliases": ["O1"], "types": ["OTHER"], \
                "hedges": [{"field": "name", "wording": "Odd\\u001fOne"}], \
                "evidence": [{"source": "000_d54d1cf2e139a545", "quote": "said Odd\\u001fOne of Experian"}]}
                """, java.nio.file.StandardOpenOption.APPEND);
        assertSameGraphBothWays(folder, dataDir, 4);
    }

    @Test
    void aNetworkWithLineageImportsOfflineIntoTheSameGraphAsOnline(@TempDir Path dataDir) {
        // batches of two lines: derivations from datasets of the same batch and of earlier ones
        assertSameGraphBothWays(Path.of(LINEAGE), dataDir, 2);

        assertThat(lines(online.driver(), """
                MATCH (x:Derivation)-[:INTO]->(d:Dataset), (s:Dataset)-[:FEEDS]->(x)
                RETURN d.id + ' <- ' + s.id + ' ' + x.kind + ' ' + coalesce(toString(x.date), '-') + ' ' + coalesce(x.hedges[0], '-')
                  + ' ' + COUNT { (x)-[:SUPPORTED_BY]->(:Evidence) } AS line ORDER BY line"""))
            .as("the fixture's lineage, as both imports wrote it").containsExactly(
                    "members-2017 <- members SUBSET 2017-04-01 - 1",
                    "merged <- broker-base MERGE - kind: apparently merged 1",
                    "merged <- members-2017 MERGE 2017-04-20 - 1",
                    "model <- merged MODEL - - 1");
        assertThat(lines(online.driver(), """
                MATCH (d:Dataset)-[r:HAS_CATEGORY]->(c) WHERE d.id IN ['members', 'merged']
                RETURN d.id + ' ' + c.id + ' ' + coalesce('[' + reduce(s = '', g IN r.about | s + CASE s WHEN '' THEN '' ELSE ', ' END + g) + ']', '-') AS line
                ORDER BY line"""))
            .as("whom each category is about, where the fixture says, and nothing where it does not").containsExactly(
                    "members child-dob [babies]", "members name [new parents]", "merged child-dob -", "merged name [voters, new parents]");
        assertThat(lines(online.driver(), """
                MATCH (n:Consent)-[:SUPERSEDES]->(o:Consent)
                RETURN n.id + ' ' + toString(n.validFrom) + ' supersedes ' + o.id + ' ' + toString(o.validUntil) AS line"""))
            .containsExactly("notice-2018 2018-05-25 supersedes notice-2016 2018-05-24");
    }

    @Test
    void aGeneratedNetworkImportsOfflineIntoTheSameGraphAsOnline(@TempDir Path folder, @TempDir Path dataDir) {
        NetworkGenerator.generate(NetworkGenerator.Size.XS, 7, folder);
        assertSameGraphBothWays(folder, dataDir, 400);
    }

    @Test
    void aBadLineIsNamedByFileLineAndFieldAndNoDatabaseIsLeft(@TempDir Path folder, @TempDir Path dataDir) throws IOException {
        Files.writeString(folder.resolve("sources.jsonl"), """
                {"id": "src", "title": "A report"}
                """);
        Files.writeString(folder.resolve("organisations.jsonl"), """
                {"id": "a", "name": "A Ltd", "types": ["DATA_SUPPLIER"], "evidence": [{"source": "src", "quote": "A sells"}]}
                {"id": "b", "name": "B Ltd", "types": ["DATA_BROKER"], "evidence": [{"source": "src", "quote": "B buys"}]}

                {"id": "a", "name": "A again", "types": ["OTHER"], "evidence": [{"source": "src", "quote": "A again"}]}
                """);
        Files.writeString(folder.resolve("transfers.jsonl"), """
                {"id": "t", "from": "a", "to": "b", "dataset": "nothing", "purposes": ["sales"], "evidence": [{"source": "src", "quote": "sold"}]}
                """);

        assertThatThrownBy(() -> new OfflineImport().load(folder, dataDir, 2, null)).isInstanceOf(FactValidationException.class)
            .satisfies(e -> assertThat(((FactValidationException) e).problems()).extracting(Problem::toString).containsExactly(
                    "organisations.jsonl:4: id (id 'a'): id is used twice (also earlier in this import, by an organisation); "
                            + "ids must be unique across all kinds of record"));
        assertThat(OfflineImport.canLoadInto(dataDir)).as("nothing was written").isTrue();
        try (Stream<Path> left = Files.list(dataDir)) {
            assertThat(left).as("the working files are gone too").isEmpty();
        }

        Files.writeString(folder.resolve("organisations.jsonl"), """
                {"id": "a", "name": "A Ltd", "types": ["DATA_SUPPLIER"], "evidence": [{"source": "src", "quote": "A sells"}]}
                {"id": "b", "name": "B Ltd", "types": ["DATA_BROKER"], "evidence": [{"source": "src", "quote": "B buys"}]}
                """);
        assertThatThrownBy(() -> new OfflineImport().load(folder, dataDir, 2, null)).isInstanceOf(FactValidationException.class)
            .satisfies(e -> assertThat(((FactValidationException) e).problems()).extracting(Problem::toString).containsExactlyInAnyOrder(
                    "transfers.jsonl:1: dataset (id 't'): unknown dataset 'nothing'; expected the id of a dataset defined in the input or "
                            + "already in the database",
                    "transfers.jsonl:1: purposes (id 't'): unknown purpose 'sales'; expected the id of a purpose defined in the input or "
                            + "already in the database"));
        assertThat(OfflineImport.canLoadInto(dataDir)).isTrue();
    }

    @Test
    void offlineIsChosenOnlyForAnEmbeddedDatabaseThatDoesNotExistYet(@TempDir Path folder, @TempDir Path dataDir) {
        List<String> embedded = List.of("--datatrail.data-dir=" + dataDir);
        assertThat(ImportMode.choose(null, embedded).offline()).isTrue();
        assertThat(ImportMode.choose("online", embedded).offline()).isFalse();
        assertThat(ImportMode.choose(null, List.of("--spring.neo4j.uri=bolt://localhost:1"))).satisfies(m -> {
            assertThat(m.offline()).isFalse();
            assertThat(m.why()).contains("bolt://localhost:1");
        });
        assertThatThrownBy(() -> ImportMode.choose("offline", List.of("--spring.neo4j.uri=bolt://localhost:1")))
            .hasMessage("--mode offline creates a new embedded database and cannot load into spring.neo4j.uri=bolt://localhost:1; use --mode online");
        assertThatThrownBy(() -> ImportMode.choose("fast", embedded)).hasMessage("--mode must be auto, offline or online, was 'fast'");

        NetworkGenerator.generate(NetworkGenerator.Size.XS, 7, folder);
        new OfflineImport().load(folder, dataDir, 10_000, null);
        assertThat(ImportMode.choose(null, embedded).offline()).as("the database exists now").isFalse();
        assertThatThrownBy(() -> ImportMode.choose("offline", embedded)).hasMessageContaining("already holds one; use --mode online");
        assertThatThrownBy(() -> new OfflineImport().load(folder, dataDir, 10_000, null)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("already holds a database");
    }

    @Test
    void theImportCommandLoadsANewDataDirOfflineAndAnExistingOneOnline(@TempDir Path folder, @TempDir Path dataDir, CapturedOutput output)
            throws IOException {
        NetworkGenerator.generate(NetworkGenerator.Size.XS, 7, folder);
        String[] db = { "--datatrail.data-dir=" + dataDir, "--datatrail.neo4j.bolt-port=0" };

        assertThat(org.datatrail.CommandLineAccess.run("import", "--dir", folder.toString(), db[0], db[1])).isZero();
        assertThat(output.getOut()).contains("import: offline: ").contains("lines 1-1,000 of 1,000 checked")
            .containsPattern("import: loaded .* offline: [\\d,]+ records, [\\d,]+ nodes and [\\d,]+ relationships");

        // the same folder again, now into the existing database: online, and it changes nothing
        assertThat(org.datatrail.CommandLineAccess.run("import", "--dir", folder.toString(), db[0], db[1])).isZero();
        assertThat(output.getOut()).contains("import: online, in batched transactions (the database under ")
            .contains("nodes and 0 relationships created");
    }

    /** Loads {@code folder} online (harness) and offline (a new embedded database), and compares the two graphs. */
    private static void assertSameGraphBothWays(Path folder, Path dataDir, int batch) {
        online.wipe();
        SchemaMigrations.fromClasspath(online.driver()).migrate();
        BulkImport.Result viaCypher = new BulkImport(new FactIngest(online.driver())).load(folder, batch, null);

        OfflineImport.Result viaImporter = new OfflineImport().load(folder, dataDir, batch, null);
        assertThat(viaImporter.records()).isEqualTo(viaCypher.records());
        assertThat(viaImporter.nodesCreated()).isEqualTo(viaCypher.nodesCreated());
        assertThat(viaImporter.relationshipsCreated()).isEqualTo(viaCypher.relationshipsCreated());

        var settings = new DataTrailProperties.Neo4j(0, "1 files", Duration.ofSeconds(60), Duration.ofSeconds(10), "512m");
        try (EmbeddedNeo4j embedded = EmbeddedNeo4j.start(dataDir, settings, "offline-test");
                Driver driver = GraphDatabase.driver(embedded.boltUri(), AuthTokens.basic("neo4j", "offline-test"))) {
            SchemaMigrations.fromClasspath(driver).migrate();
            OfflineImport.finish(driver, viaImporter);

            for (String query : List.of(NODES, RELATIONSHIPS, AUDIT)) {
                List<String> expected = lines(online.driver(), query);
                assertThat(expected).isNotEmpty();
                assertThat(lines(driver, query)).containsExactlyElementsOf(expected);
            }
        }
    }

    private static List<String> lines(Driver driver, String query) {
        return driver.executableQuery(query).execute().records().stream().map(r -> r.get("line").asString()).toList();
    }

    /** The seed's facts files as an import folder: each section's records, file after file, one per line. */
    private static void seedAsJsonLines(Path folder) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> seed = Files.list(Path.of("seed"))) {
            files = seed.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : files) {
            json.readTree(Files.readString(file)).properties().forEach(e -> {
                if (e.getValue().isArray()) {
                    for (JsonNode record : e.getValue()) {
                        sections.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(json.writeValueAsString(record));
                    }
                }
            });
        }
        for (var e : sections.entrySet()) {
            Files.write(folder.resolve(e.getKey() + ".jsonl"), e.getValue());
        }
    }
}
