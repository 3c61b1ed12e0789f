package org.datatrail.system;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lock in the database itself, for what must happen once however many DataTrail instances start against one Neo4j
 * at the same moment (schema migrations, the seed): a {@code :DataTrailLock} node per lock name, unique by a
 * constraint, taken by a MERGE + SET in a write transaction, so concurrent starters serialise on it.
 * <p>
 * It is a lease, not a transaction held open: the holder's name and an expiry are written in a short transaction and
 * the node is deleted on {@link #close}. A process killed while holding it blocks the others only until the lease
 * expires; one still working renews it ({@link #renew}).
 */
final class DatabaseLock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseLock.class);
    private static final Map<String, String> CYPHER = CypherResource.named(DatabaseLock.class, "database-lock.cypher");
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

    private final Driver driver;
    private final String name;
    private final String holder;
    private final Duration lease;

    private DatabaseLock(Driver driver, String name, String holder, Duration lease) {
        this.driver = driver;
        this.name = name;
        this.holder = holder;
        this.lease = lease;
    }

    /**
     * Waits until this process holds the lock {@code name}; while another holds it, says who every few seconds.
     *
     * @param lease how long the lock stays ours without {@link #renew}
     */
    static DatabaseLock acquire(Driver driver, String name, Duration lease) {
        String holder = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        DatabaseLock lock = new DatabaseLock(driver, name, holder, lease);
        lock.createConstraint();
        long lastReport = System.nanoTime();
        while (true) {
            Record state;
            try {
                state = lock.take();
            }
            catch (Neo4jException e) {
                // a lock node deleted while we waited for it, a deadlock with another starter, a lock wait timeout: try again
                log.debug("Taking the database lock '{}' failed, trying again: {}", name, e.getMessage());
                sleep();
                continue;
            }
            if (state.get("free").asBoolean()) {
                return lock;
            }
            if (System.nanoTime() - lastReport > REPORT_EVERY.toNanos()) {
                log.info("Waiting for the database lock '{}', held by {} since {} (until {} unless renewed)", name, state.get("holder").asString(),
                        state.get("since").asString(), state.get("expires").asString());
                lastReport = System.nanoTime();
            }
            sleep();
        }
    }

    /** Extends the lease: call between long steps. */
    void renew() {
        Record state = take();
        if (!state.get("free").asBoolean()) {
            throw new IllegalStateException("The database lock '" + name + "' expired and was taken by " + state.get("holder").asString()
                    + "; a step took longer than the lease of " + lease.toSeconds() + " s");
        }
    }

    @Override
    public void close() {
        driver.executableQuery(CYPHER.get("release")).withParameters(Map.of("name", name, "holder", holder)).execute();
    }

    private Record take() {
        return driver.executableQuery(CYPHER.get("acquire"))
            .withParameters(Map.of("name", name, "holder", holder, "lease", "PT" + lease.toSeconds() + "S"))
            .execute()
            .records()
            .getFirst();
    }

    private void createConstraint() {
        for (int attempt = 1;; attempt++) {
            try {
                driver.executableQuery(CYPHER.get("constraint")).execute();
                return;
            }
            catch (Neo4jException e) {
                // two starters creating it at once: one of them is told it exists (or is being created)
                if (attempt >= 5) {
                    throw e;
                }
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a database lock", e);
        }
    }
}
