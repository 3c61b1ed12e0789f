package org.datatrail.system;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * DataTrail's own settings ({@code datatrail.*}).
 *
 * @param dataDir where the embedded database (and its generated password) lives; ignored when
 *        {@code spring.neo4j.uri} points at an external Neo4j
 * @param neo4j settings of the embedded database
 * @param seed what to load into an empty database on start-up
 * @param api settings of the API
 * @param createDatabase whether a start may create a new embedded database when {@code dataDir} holds none: the server,
 *        {@code seed} and {@code import} do; the commands that work on an existing case ({@code report}, {@code source attach}) set it to
 *        {@code false}, so that a mistyped path is refused, never answered from or written to a new database
 */
@ConfigurationProperties("datatrail")
public record DataTrailProperties(@DefaultValue("./data") Path dataDir, @DefaultValue Neo4j neo4j, @DefaultValue Seed seed,
        @DefaultValue Api api, @DefaultValue("true") boolean createDatabase) {

    /**
     * @param boltPort loopback port of the embedded database's Bolt connector ({@code 0}: any free port)
     * @param txLogRetention how much transaction log Neo4j keeps (Neo4j's {@code db.tx_log.rotation.retention_policy})
     * @param transactionTimeout longest a transaction may run before Neo4j kills it
     * @param lockAcquisitionTimeout longest a transaction waits for a lock
     * @param transactionMemoryMax most heap one transaction may use (Neo4j's {@code db.memory.transaction.max})
     */
    public record Neo4j(@DefaultValue("7687") int boltPort, @DefaultValue("2 files") String txLogRetention,
            @DefaultValue("60s") Duration transactionTimeout, @DefaultValue("10s") Duration lockAcquisitionTimeout,
            @DefaultValue("512m") String transactionMemoryMax) {
    }

    /**
     * @param warmUp plan the default traces and check the report shelf in the background once the app is ready, so
     *        that the first investigator does not wait for Neo4j to plan them (several seconds each on a cold JVM)
     * @param queryTimeout longest one of the API's read queries may run before Neo4j stops it ({@code TIMEOUT})
     */
    public record Api(@DefaultValue("true") boolean warmUp, @DefaultValue("30s") Duration queryTimeout) {
    }

    /**
     * @param onEmpty load the seed when the database holds no facts yet
     * @param location folder of seed files; {@code classpath:seed/} is the Emma's Diary case shipped in the jar
     */
    public record Seed(@DefaultValue("true") boolean onEmpty, @DefaultValue("classpath:seed/") String location) {
    }
}
