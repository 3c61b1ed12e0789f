package org.datatrail.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.datatrail.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * V007 on a database whose documents were attached before passages stored their mentions: each passage gets a
 * {@code MENTIONS} link to every organisation whose whole folded name or alias is in it, with where it is first named.
 */
class PassageMentionsMigrationIntegrationTests {

    /** A passage's folded text, as an attach before V007 stored it. */
    static final String FOLDED = "experian sold the list to quarry leads who passed it on quarry leads kept a copy";

    static TestDatabase db;

    @BeforeAll
    static void start() {
        db = TestDatabase.start();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void passagesAttachedBeforeTheMigrationGetTheirMentions() {
        var all = SchemaMigrations.loadMigrations(new PathMatchingResourcePatternResolver(), SchemaMigrations.LOCATION);
        new SchemaMigrations(db.driver(), all.stream().filter(m -> m.version() < 7).toList()).migrate();
        db.rows("""
                CREATE (:Organisation:Fact {id: 'experian', searchText: 'experian'}),
                       (:Organisation:Fact {id: 'quarry', searchText: 'quarry data\\nquarry leads'}),
                       (:Organisation:Fact {id: 'the-list', searchText: 'the list'}),
                       (:Organisation:Fact {id: 'part-of-a-word', searchText: 'quarry lead'}),
                       (:Organisation:Fact {id: 'not-named', searchText: 'northwind'})
                CREATE (:Document {source: 'memo'})-[:HAS_PASSAGE]->(:Passage {source: 'memo', start: 0, end: 90, text: 'the memo', searchText: $folded})
                """, Map.of("folded", FOLDED));

        new SchemaMigrations(db.driver(), all).migrate();

        assertThat(db.rows("MATCH (:Passage)-[m:MENTIONS]->(o) RETURN o.id AS id, m.at AS at ORDER BY at", Map.of())).containsExactly(
                Map.of("id", "experian", "at", 0L), Map.of("id", "the-list", "at", (long) FOLDED.indexOf("the list")),
                Map.of("id", "quarry", "at", (long) FOLDED.indexOf("quarry leads")));
        assertThat(db.rows("MATCH (m:DataTrailMigration) RETURN max(m.version) AS v", Map.of())).isEqualTo(List.of(Map.of("v", 8L)));
    }
}
