package org.datatrail.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.datatrail.DataTrailApplication;
import org.datatrail.support.SeedCase;
import org.datatrail.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.neo4j.driver.Driver;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** Whole-application starts: data survives a restart; with a URI, no embedded database starts. */
// the output is captured by swapping System.out and System.err: one class at a time may do that
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
@ExtendWith(OutputCaptureExtension.class)
class RestartAndExternalIntegrationTests {

    private static final String COUNTS = "CALL () { MATCH (n) RETURN count(n) AS nodes } "
            + "CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels";

    @Test
    void dataAndPasswordSurviveARestartAndTheSeedIsNotLoadedAgain(@TempDir Path dataDir, CapturedOutput output) throws Exception {
        Map<String, Object> first;
        String password;
        try (var app = start("--datatrail.data-dir=" + dataDir, "--datatrail.neo4j.bolt-port=0")) {
            first = counts(app);
            app.getBean(Driver.class)
                .executableQuery("CREATE (:Note {text: 'written before the restart'})")
                .execute();
            password = Files.readString(dataDir.resolve("neo4j-password")).strip();
        }
        // the line names this data dir: apps of other test classes running meanwhile print their own
        String saidWhere = "DataTrail generated a password for the embedded Neo4j (user 'neo4j') and stored it in "
                + dataDir.toAbsolutePath().normalize().resolve("neo4j-password") + " (readable by you only).";
        assertThat(output.getAll()).as("the generated password is never printed or logged").doesNotContain(password)
            .containsOnlyOnce(saidWhere);

        try (var app = start("--datatrail.data-dir=" + dataDir, "--datatrail.neo4j.bolt-port=0")) {
            var after = counts(app);
            assertThat(after.get("nodes")).isEqualTo((Long) first.get("nodes") + 1);
            assertThat(after.get("rels")).isEqualTo(first.get("rels"));
            assertThat(app.getBean(Driver.class).executableQuery(SeedCase.CHAIN).execute().records()).hasSize(1);
            assertThat(app.getBean(EmbeddedNeo4j.class).password()).isEqualTo(password);
        }
        assertThat(output.getAll()).as("the password is never printed; where it is kept is said once, on the start that made it")
            .doesNotContain(password).containsOnlyOnce(saidWhere);
    }

    @Test
    void withAUriNoEmbeddedDatabaseStartsAndTheSeedLoadsThere(@TempDir Path dataDir) {
        try (TestDatabase external = TestDatabase.start();
                var app = start("--spring.neo4j.uri=" + external.neo4j().boltURI(), "--datatrail.data-dir=" + dataDir)) {
            assertThat(app.getBeansOfType(EmbeddedNeo4j.class)).isEmpty();
            assertThat(dataDir.resolve("neo4j-password")).doesNotExist();
            assertThat(external.driver().executableQuery(SeedCase.CHAIN).execute().records()).hasSize(1);
            assertThat(external.rows("MATCH (m:DataTrailMigration) RETURN count(m) AS n", Map.of()))
                .containsExactly(Map.of("n", 8L));
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(DataTrailApplication.class).web(WebApplicationType.NONE).run(args);
    }

    private static Map<String, Object> counts(ConfigurableApplicationContext app) {
        return app.getBean(Driver.class).executableQuery(COUNTS).execute().records().getFirst().asMap();
    }
}
