package org.datatrail.support;

import java.util.List;
import java.util.Map;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * A real Neo4j (the harness, in process, Bolt only) and a Driver to it, for one test class.
 */
public final class TestDatabase implements AutoCloseable {

    private final Neo4j neo4j;
    private final Driver driver;

    private TestDatabase(Neo4j neo4j) {
        this.neo4j = neo4j;
        this.driver = GraphDatabase.driver(neo4j.boltURI(), AuthTokens.none());
    }

    public static TestDatabase start() {
        return new TestDatabase(Neo4jBuilders.newInProcessBuilder()
            .withDisabledServer()
            .withConfig(org.neo4j.configuration.GraphDatabaseSettings.keep_logical_logs, "1 files")
            .build());
    }

    public Driver driver() {
        return driver;
    }

    public Neo4j neo4j() {
        return neo4j;
    }

    /** Removes every node, relationship, constraint and index. */
    public void wipe() {
        driver.executableQuery("MATCH (n) DETACH DELETE n").execute();
        for (var r : driver.executableQuery("SHOW CONSTRAINTS YIELD name").execute().records()) {
            driver.executableQuery("DROP CONSTRAINT `" + r.get("name").asString() + "`").execute();
        }
        for (var r : driver.executableQuery("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP'").execute().records()) {
            driver.executableQuery("DROP INDEX `" + r.get("name").asString() + "`").execute();
        }
    }

    /** Node count, relationship count and a checksum of every property (of nodes and relationships): equal snapshots mean an unchanged graph. */
    public GraphSnapshot snapshot() {
        return snapshot(driver);
    }

    /** {@link #snapshot()} of any database, through its Driver. */
    public static GraphSnapshot snapshot(Driver driver) {
        var record = driver.executableQuery("""
                CALL () { MATCH (n) RETURN count(n) AS nodes }
                CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
                CALL () {
                  MATCH (n)
                  WITH n ORDER BY elementId(n)
                  // keys sorted: rewriting a node with the same values may store its properties in another order
                  RETURN collect(labels(n) + [k IN COLLECT { UNWIND keys(n) AS key RETURN key ORDER BY key } | k + '=' + CASE WHEN valueType(n[k]) STARTS WITH 'LIST'
                    THEN reduce(s = '', x IN n[k] | s + toString(x) + ',') ELSE toString(n[k]) END]) AS props
                }
                CALL () {
                  MATCH (a)-[r]->(b)
                  WITH a, r, b ORDER BY elementId(r)
                  // a relationship's properties too (a dataset's categories carry whom each is about)
                  RETURN collect([type(r), a.id, b.id] + [k IN COLLECT { UNWIND keys(r) AS key RETURN key ORDER BY key } | k + '=' + CASE WHEN valueType(r[k]) STARTS WITH 'LIST'
                    THEN reduce(s = '', x IN r[k] | s + toString(x) + ',') ELSE toString(r[k]) END]) AS rels
                }
                RETURN nodes, relationships, props, rels
                """).execute().records().getFirst();
        return new GraphSnapshot(record.get("nodes").asLong(), record.get("relationships").asLong(),
                record.get("props").asList().hashCode() + "/" + record.get("rels").asList().hashCode());
    }

    /**
     * How many nodes carry each label (set of labels) and how many relationships have each type: what a graph loaded
     * twice from the same files has in common, whatever its element ids and audit times.
     */
    public static Map<String, Object> shape(Driver driver) {
        return driver.executableQuery("""
                CALL () { MATCH (n) WITH labels(n) AS labels, count(*) AS nodes ORDER BY labels RETURN collect([labels, nodes]) AS nodes }
                CALL () { MATCH ()-[r]->() WITH type(r) AS type, count(*) AS rels ORDER BY type RETURN collect([type, rels]) AS relationships }
                RETURN nodes, relationships
                """).execute().records().getFirst().asMap();
    }

    public List<Map<String, Object>> rows(String cypher, Map<String, Object> params) {
        return driver.executableQuery(cypher).withParameters(params).execute().records().stream().map(r -> r.asMap()).toList();
    }

    @Override
    public void close() {
        driver.close();
        neo4j.close();
    }

    /** See {@link TestDatabase#snapshot()}. */
    public record GraphSnapshot(long nodes, long relationships, String checksum) {
    }
}
