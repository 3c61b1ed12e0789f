package org.datatrail.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.datatrail.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SchemaMigrationsIntegrationTests {

    static TestDatabase db;

    @BeforeAll
    static void start() {
        db = TestDatabase.start();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @BeforeEach
    void empty() {
        db.wipe();
    }

    @Test
    void appliesTheShippedMigrationsOnceAndRecordsThem() {
        var first = SchemaMigrations.fromClasspath(db.driver()).migrate();
        var second = SchemaMigrations.fromClasspath(db.driver()).migrate();

        assertThat(first).extracting(SchemaMigrations.Migration::fileName)
            .containsExactly("V001__constraints.cypher", "V002__indexes.cypher", "V003__audit_trail.cypher", "V004__lineage.cypher",
                    "V005__documents.cypher", "V006__document_search.cypher", "V007__passage_mentions.cypher",
                    "V008__passage_visibility.cypher");
        assertThat(second).isEmpty();
        assertThat(db.rows("MATCH (m:DataTrailMigration) RETURN m.version AS v, m.file AS file ORDER BY v", Map.of()))
            .containsExactly(Map.of("v", 1L, "file", "V001__constraints.cypher"), Map.of("v", 2L, "file", "V002__indexes.cypher"),
                    Map.of("v", 3L, "file", "V003__audit_trail.cypher"), Map.of("v", 4L, "file", "V004__lineage.cypher"),
                    Map.of("v", 5L, "file", "V005__documents.cypher"), Map.of("v", 6L, "file", "V006__document_search.cypher"),
                    Map.of("v", 7L, "file", "V007__passage_mentions.cypher"), Map.of("v", 8L, "file", "V008__passage_visibility.cypher"));
        assertThat(db.rows("SHOW INDEXES YIELD name, type WHERE name = 'organisation_search' RETURN type", Map.of()))
            .containsExactly(Map.of("type", "FULLTEXT"));
        assertThat(db.rows("SHOW CONSTRAINTS YIELD name WHERE name = 'fact_id' RETURN name", Map.of())).hasSize(1);
    }

    @Test
    void refusesAnAppliedMigrationThatWasEdited() {
        var original = new SchemaMigrations.Migration(1, "first", "V001__first.cypher", "aaa",
                List.of("CREATE INDEX a_name IF NOT EXISTS FOR (n:A) ON (n.name)"));
        new SchemaMigrations(db.driver(), List.of(original)).migrate();
        var edited = new SchemaMigrations.Migration(1, "first", "V001__first.cypher", "bbb",
                List.of("CREATE INDEX a_title IF NOT EXISTS FOR (n:A) ON (n.title)"));

        assertThatThrownBy(() -> new SchemaMigrations(db.driver(), List.of(edited)).migrate())
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("Migration V001__first.cypher was changed after it was applied")
            .hasMessageContaining("recorded checksum aaa, the file now has bbb")
            .hasMessageContaining("put the change in a new V2__<description>.cypher");
        assertThat(db.rows("SHOW INDEXES YIELD name WHERE name = 'a_title' RETURN name", Map.of())).isEmpty();
    }

    @Test
    void splitsStatementsAtLineEndingSemicolonsAndDropsComments() {
        assertThat(SchemaMigrations.statements("// a comment\nCREATE A;\nCREATE\n  B ;\n\n// end\n"))
            .containsExactly("CREATE A", "CREATE\n  B");
    }
}
