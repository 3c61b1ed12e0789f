package org.datatrail.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.datatrail.CommandLineAccess;
import org.datatrail.system.DataDirectory;
import org.datatrail.system.DataDirectoryException;
import org.datatrail.system.DataTrailProperties;
import org.datatrail.system.EmbeddedNeo4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * An offline import stopped at any point, as {@code kill -9} would stop it (the test hook throws an Error after the
 * phase, so none of the import's own clean-up runs), leaves nothing the application starts on, and the next import
 * removes what it left, says so, and loads the whole folder.
 */
// the output is captured by swapping System.out and System.err: one class at a time may do that
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
@ExtendWith(OutputCaptureExtension.class)
class OfflineImportCrashIntegrationTests {

    private static final Path FACTS = Path.of(OfflineImportIntegrationTests.LINEAGE);
    private static final DataTrailProperties.Neo4j SETTINGS = new DataTrailProperties.Neo4j(0, "1 files", Duration.ofSeconds(60),
            Duration.ofSeconds(10), "512m");

    @ParameterizedTest
    @EnumSource(OfflineImport.Phase.class)
    void anImportKilledAfterAnyPhaseLeavesNothingTheAppStartsOnAndTheNextOneCleansUpAndLoads(OfflineImport.Phase phase, @TempDir Path dataDir) {
        Path home = dataDir.toAbsolutePath().normalize();
        assertThatThrownBy(() -> new OfflineImport(phase).load(FACTS, dataDir, 2, null)).isInstanceOf(OfflineImport.Crash.class);

        List<Path> leftovers = OfflineImport.leftovers(dataDir);
        assertThat(leftovers.getFirst().getFileName().toString()).as("the working folder").startsWith("import-");
        if (phase == OfflineImport.Phase.MOVED) {
            assertThat(leftovers).as("and the store, moved into place but still marked unfinished").hasSize(2)
                .last().isEqualTo(home.resolve("data"));
            assertThat(home.resolve("data").resolve(DataDirectory.IMPORT_INCOMPLETE)).exists();
        }
        else {
            assertThat(leftovers).hasSize(1);
            assertThat(home.resolve("data")).as("nothing in place").doesNotExist();
        }
        assertThatThrownBy(() -> EmbeddedNeo4j.start(dataDir, SETTINGS, "offline-test")).isInstanceOf(DataDirectoryException.class)
            .hasMessage(home + " holds what an offline import that did not finish left (" + String.join(", ", leftovers.stream()
                .map(p -> p.getFileName().toString()).toList()) + "): run the import again (it removes it first), or remove it with: rm -rf "
                    + String.join(" ", leftovers.stream().map(p -> "'" + p + "'").toList()));
        assertThat(OfflineImport.canLoadInto(dataDir)).isTrue();
        assertThat(ImportMode.choose(null, List.of("--datatrail.data-dir=" + dataDir))).satisfies(mode -> {
            assertThat(mode.offline()).as("auto stays offline: a killed import made no database").isTrue();
            assertThat(mode.why()).contains("(only what an offline import that did not finish left, which is removed first: "
                    + String.join(", ", leftovers.stream().map(Path::toString).toList()) + ")");
        });

        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        OfflineImport.Result result = new OfflineImport().load(FACTS, dataDir, 2, new PrintStream(progress, true, StandardCharsets.UTF_8));
        assertThat(progress.toString(StandardCharsets.UTF_8))
            .contains(leftovers.stream().map(p -> "import: removed " + p + ", left by an offline import that did not finish\n").toList()
                .toArray(String[]::new))
            .contains("import: the new database is in place in " + home.resolve("data"));
        assertThat(result.records()).isPositive();
        assertThat(OfflineImport.leftovers(dataDir)).isEmpty();
        assertThat(OfflineImport.canLoadInto(dataDir)).as("the database is in place").isFalse();
        assertThat(names(home)).containsExactly("data");
    }

    @Test
    void theImportCommandAfterAKillLoadsOfflineAndTheAppStartsOnACompleteDatabase(@TempDir Path dataDir, CapturedOutput output) {
        // killed right after Neo4j's importer wrote the store: before, the app started on it with its list properties missing
        assertThatThrownBy(() -> new OfflineImport(OfflineImport.Phase.STORE).load(FACTS, dataDir, 2, null))
            .isInstanceOf(OfflineImport.Crash.class);
        Path leftover = OfflineImport.leftovers(dataDir).getFirst();

        assertThat(CommandLineAccess.run("import", "--dir", FACTS.toString(), "--datatrail.data-dir=" + dataDir, "--datatrail.neo4j.bolt-port=0"))
            .isZero();
        assertThat(output.getOut()).contains("import: offline: " + dataDir.toAbsolutePath().normalize()
                + " holds no database yet (only what an offline import that did not finish left, which is removed first: " + leftover + ")")
            .contains("import: removed " + leftover + ", left by an offline import that did not finish")
            .containsPattern("import: loaded .* offline: [\\d,]+ records");

        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dataDir, SETTINGS, "offline-test")) {
            var counts = neo4j.database().executeTransactionally("""
                    RETURN COUNT { (o:Organisation) } AS organisations, COUNT { (o:Organisation) WHERE o.aliases IS NULL } AS withoutAliases,
                      COUNT { (d:Dataset) WHERE d.collectionChannels IS NULL } AS withoutChannels,
                      COUNT { (m:DataTrailMigration) } AS migrations""", Map.of(), r -> r.next());
            assertThat(counts).containsEntry("withoutAliases", 0L).containsEntry("withoutChannels", 0L)
                .containsEntry("migrations", 8L);
            assertThat((Long) counts.get("organisations")).isPositive();
            Object factIdConstraints = neo4j.database().executeTransactionally("SHOW CONSTRAINTS YIELD name WHERE name = 'fact_id' RETURN count(*) AS n",
                    Map.of(), r -> r.next().get("n"));
            assertThat(factIdConstraints).as("the migrations ran before it went live").isEqualTo(1L);
        }
    }

    @Test
    void aRefusedImportLeavesNothingAtAll(@TempDir Path folder, @TempDir Path dataDir) throws IOException {
        Files.writeString(folder.resolve("sources.jsonl"), "{\"id\": \"src\", \"title\": \"A report\"}\n{\"id\": \"src\", \"title\": \"again\"}\n");
        assertThatThrownBy(() -> new OfflineImport().load(folder, dataDir, 10, null)).isInstanceOf(FactValidationException.class);
        assertThat(names(dataDir)).as("no working folder, no lock file").isEmpty();
    }

    private static List<String> names(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.map(p -> p.getFileName().toString()).sorted().toList();
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
