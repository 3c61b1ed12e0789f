package org.datatrail.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.datatrail.DataTrailApplication;
import org.datatrail.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances starting at the same moment against one external Neo4j take turns on the database's start-up lock:
 * each schema migration is applied once and the seed loaded once, and both instances start.
 */
class ConcurrentStartIntegrationTests {

    @Test
    void twoInstancesStartingTogetherApplyEachMigrationAndTheSeedExactlyOnce(@TempDir Path dataDir) throws Exception {
        try (TestDatabase external = TestDatabase.start()) {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<ConfigurableApplicationContext>> starts = List.of(1, 2).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    }
                    catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return new SpringApplicationBuilder(DataTrailApplication.class).web(WebApplicationType.NONE)
                        .run("--spring.neo4j.uri=" + external.neo4j().boltURI(), "--datatrail.data-dir=" + dataDir.resolve("instance-" + i),
                                "--spring.main.banner-mode=off", "--datatrail.api.warm-up=false");
                }))
                .toList();
            go.countDown();
            List<ConfigurableApplicationContext> apps = starts.stream().map(f -> f.orTimeout(10, TimeUnit.MINUTES).join()).toList();
            try {
                assertThat(apps).allSatisfy(app -> assertThat(app.isActive()).isTrue());
                assertThat(external.rows("MATCH (m:DataTrailMigration) RETURN m.version AS version, count(*) AS times ORDER BY version", Map.of()))
                    .as("each migration applied once").containsExactly(Map.of("version", 1L, "times", 1L), Map.of("version", 2L, "times", 1L),
                            Map.of("version", 3L, "times", 1L), Map.of("version", 4L, "times", 1L), Map.of("version", 5L, "times", 1L),
                            Map.of("version", 6L, "times", 1L), Map.of("version", 7L, "times", 1L), Map.of("version", 8L, "times", 1L));
                assertThat(external.rows("MATCH (a:AuditEntry) WHERE a.tokenLabel STARTS WITH 'system:seed' RETURN count(a) AS loads", Map.of()))
                    .as("the seed loaded once").containsExactly(Map.of("loads", 1L));
                assertThat(external.rows("MATCH (o:Organisation {id: 'lifecycle-marketing'}) RETURN count(o) AS n", Map.of()))
                    .containsExactly(Map.of("n", 1L));
                assertThat(external.rows("MATCH (l:DataTrailLock) RETURN count(l) AS n", Map.of())).as("the lock is released")
                    .containsExactly(Map.of("n", 0L));
            }
            finally {
                apps.forEach(ConfigurableApplicationContext::close);
            }
        }
    }
}
