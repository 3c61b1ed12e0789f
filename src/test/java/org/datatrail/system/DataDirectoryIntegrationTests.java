package org.datatrail.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.datatrail.CommandLineAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The embedded database's folder: one process at a time, refused before any file is touched; private to its owner; a
 * store Neo4j cannot start stops the app and the commands at once, with one line saying what to do.
 */
// the output is captured by swapping System.out and System.err: one class at a time may do that
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
@ExtendWith(OutputCaptureExtension.class)
class DataDirectoryIntegrationTests {

    private static final DataTrailProperties.Neo4j SETTINGS = new DataTrailProperties.Neo4j(0, "1 files", Duration.ofSeconds(60),
            Duration.ofSeconds(10), "512m");

    @Test
    void aSecondInstanceOnALockedDataDirFailsBeforeTouchingAnyFileAndNamesTheHolder(@TempDir Path dataDir) throws IOException {
        try (EmbeddedNeo4j first = EmbeddedNeo4j.start(dataDir, SETTINGS, null)) {
            Path config = dataDir.resolve(EmbeddedNeo4j.CONFIG_FILE);
            String configText = Files.readString(config);
            Files.setLastModifiedTime(config, FileTime.fromMillis(0));
            Files.setLastModifiedTime(dataDir.resolve(EmbeddedNeo4j.PASSWORD_FILE), FileTime.fromMillis(0));
            var other = new DataTrailProperties.Neo4j(7999, "1 files", Duration.ofSeconds(60), Duration.ofSeconds(10), "512m");

            assertThatThrownBy(() -> EmbeddedNeo4j.start(dataDir, other, "another-password")).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(dataDir.toAbsolutePath().normalize() + " is in use by another DataTrail process (PID "
                        + ProcessHandle.current().pid() + ", embedded Neo4j, since ")
                .hasMessageEndingWith("; stop it first, or give this one another --datatrail.data-dir")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));

            assertThat(Files.readString(config)).as("the settings file still describes the live database").isEqualTo(configText)
                .contains("127.0.0.1:0").doesNotContain("7999");
            assertThat(Files.getLastModifiedTime(config).toMillis()).isZero();
            assertThat(Files.getLastModifiedTime(dataDir.resolve(EmbeddedNeo4j.PASSWORD_FILE)).toMillis()).isZero();
            assertThat(first.database().isAvailable(1000)).as("the first instance runs on").isTrue();
        }
        // released on close: the next start takes the folder
        try (EmbeddedNeo4j again = EmbeddedNeo4j.start(dataDir, SETTINGS, null)) {
            assertThat(Files.readString(dataDir.resolve(DataDirectory.LOCK_FILE))).startsWith("PID " + ProcessHandle.current().pid() + ", ");
        }
        assertThat(dataDir.resolve(DataDirectory.LOCK_FILE)).as("a clean stop leaves no lock file").doesNotExist();
    }

    @Test
    void theDataDirAndItsFilesAreTheOwnersOnlyAndThePasswordIsNeverPrinted(@TempDir Path parent, CapturedOutput output) throws IOException {
        Path dataDir = parent.resolve("data-dir");
        String password;
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dataDir, SETTINGS, null)) {
            password = neo4j.password();
            assertThat(mode(dataDir)).isEqualTo("rwx------");
            assertThat(mode(dataDir.resolve(EmbeddedNeo4j.PASSWORD_FILE))).isEqualTo("rw-------");
            assertThat(mode(dataDir.resolve(EmbeddedNeo4j.CONFIG_FILE))).isEqualTo("rw-------");
            assertThat(mode(dataDir.resolve(DataDirectory.LOCK_FILE))).isEqualTo("rw-------");
            try (Stream<Path> store = Files.walk(dataDir.resolve("data"))) {
                List<Path> all = store.toList();
                assertThat(all).hasSizeGreaterThan(10);
                assertThat(all).allSatisfy(p -> assertThat(mode(p)).as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------"));
            }
        }
        assertThat(password).hasSize(36);
        assertThat(output.getAll()).doesNotContain(password)
            .contains("stored it in " + dataDir.toAbsolutePath().normalize().resolve(EmbeddedNeo4j.PASSWORD_FILE) + " (readable by you only)");
    }

    @Test
    void filesNeo4jCreatesAfterTheStartAreTheOwnersOnlyToo(@TempDir Path parent) throws IOException {
        Path dataDir = parent.resolve("data-dir");
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dataDir, SETTINGS, null)) {
            List<Path> atStart = walk(dataDir);
            // new index folders and files, written by Neo4j's own threads long after the start narrowed what was there
            neo4j.database().executeTransactionally("CREATE INDEX note_text FOR (n:Note) ON (n.text)");
            neo4j.database().executeTransactionally("CREATE FULLTEXT INDEX note_words FOR (n:Note) ON EACH [n.text]");
            neo4j.database().executeTransactionally("CALL db.awaitIndexes(60)");
            neo4j.database().executeTransactionally("UNWIND range(1, 1000) AS i CREATE (:Note {text: 'note ' + i})");
            List<Path> later = walk(dataDir).stream().filter(p -> !atStart.contains(p)).toList();
            assertThat(later).as("files Neo4j created after the start").hasSizeGreaterThan(3);
            assertThat(walk(dataDir)).allSatisfy(p -> assertThat(mode(p)).as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------"));
            // the mask is the process's: a file made with no rights asked for is the owner's only
            Path plain = Files.createFile(parent.resolve("plain"));
            assertThat(mode(plain)).isEqualTo("rw-------");
            assertThat(mode(Files.createDirectory(parent.resolve("folder")))).isEqualTo("rwx------");
        }
        // and what Neo4j writes as it stops (the last checkpoint)
        assertThat(walk(dataDir)).allSatisfy(p -> assertThat(mode(p)).as(p.toString()).isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------"));
    }

    @Test
    void aStoreNeo4jCannotRecoverStopsTheStartAndEveryCommandWithinSecondsInOneLine(@TempDir Path dataDir, CapturedOutput output)
            throws IOException {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(dataDir, SETTINGS, "secret-password")) {
            neo4j.database().executeTransactionally("CREATE (:Note {text: 'soon lost'})");
        }
        Path store = dataDir.toAbsolutePath().normalize().resolve("data");
        try (Stream<Path> logs = Files.list(store.resolve("transactions/neo4j"))) {
            for (Path log : logs.toList()) {
                Files.delete(log);
            }
        }

        long started = System.nanoTime();
        assertThatThrownBy(() -> EmbeddedNeo4j.start(dataDir, SETTINGS, "secret-password")).isInstanceOf(IllegalStateException.class)
            .hasMessageStartingWith("The embedded database in " + store + " cannot start: ")
            .hasMessageContaining("Transaction logs are missing and recovery is not possible")
            .hasMessageContaining("Restore " + store + " from a backup, or move it away (mv '" + store + "' '" + store + ".broken')")
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no waiting for a database that never comes")
            .isLessThan(Duration.ofSeconds(60));

        started = System.nanoTime();
        assertThat(CommandLineAccess.run("report", "list", "--datatrail.data-dir=" + dataDir, "--datatrail.neo4j.bolt-port=0")).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(90));
        assertThat(output.getErr().lines().filter(l -> l.startsWith("report: "))).singleElement().asString()
            .startsWith("report: failed: DataDirectoryException: The embedded database in " + store + " cannot start: ")
            .contains("Transaction logs are missing and recovery is not possible");

        // the lock is released after the refusal: the folder can be moved away and started afresh
        Files.move(store, store.resolveSibling("data.broken"));
        try (EmbeddedNeo4j fresh = EmbeddedNeo4j.start(dataDir, SETTINGS, "secret-password")) {
            assertThat(fresh.database().isAvailable(1000)).isTrue();
        }
    }

    private static List<Path> walk(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.toList();
        }
    }

    private static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
