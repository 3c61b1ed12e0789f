package org.datatrail.system;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import java.time.Duration;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.ogm.session.Session;
import org.neo4j.ogm.session.SessionFactory;
import org.neo4j.ogm.transaction.Transaction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Every read the API makes goes through here, so that every read runs in a READ access-mode transaction
 * (the database itself refuses a write) and is counted (so tests can prove a request runs a constant
 * number of queries), and within the request's share of the connections ({@link RequestStatements}). Entities are
 * loaded through OGM; traversals run as Cypher on the Driver.
 */
@Component
public final class GraphReads {

    private final Driver driver;
    private final SessionFactory sessionFactory;
    private final SessionConfig readSession;
    private final TransactionConfig readTransaction;
    private final AtomicLong queries = new AtomicLong();

    @Autowired
    public GraphReads(Driver driver, SessionFactory sessionFactory, DataTrailProperties settings) {
        this(driver, sessionFactory, settings.api().queryTimeout());
    }

    /** Reads that Neo4j stops after {@code queryTimeout}. */
    public GraphReads(Driver driver, SessionFactory sessionFactory, Duration queryTimeout) {
        this.driver = driver;
        this.sessionFactory = sessionFactory;
        this.readSession = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ)
            .withBookmarkManager(driver.executableQueryBookmarkManager()).build();
        this.readTransaction = TransactionConfig.builder().withTimeout(queryTimeout).build();
    }

    /**
     * Runs a read-only Cypher query with parameters, as one auto-commit transaction in READ access mode (the
     * database refuses a write) that Neo4j kills after the configured query timeout. Auto-commit rather than a
     * managed transaction: one statement needs no BEGIN and COMMIT round trips (about 2 ms of a request on this
     * machine, see docs/benchmarks.md); the price is no automatic retry of a transient failure, which a reader
     * sees as an error and can repeat.
     */
    public List<Record> rows(String cypher, Map<String, Object> parameters) {
        queries.incrementAndGet();
        return RequestStatements.run(() -> {
            try (org.neo4j.driver.Session session = driver.session(readSession)) {
                return session.run(cypher, parameters, readTransaction).list();
            }
        });
    }

    /**
     * The session every read opens: READ access mode, and the driver's bookmark manager, so that a read sees
     * the writes this app made before it, on a cluster too. Public so that the benchmark runs its raw statements
     * exactly as the API does.
     */
    public SessionConfig readSession() {
        return readSession;
    }

    /** The transaction settings of every read: Neo4j kills it after the configured query timeout. */
    public TransactionConfig readTransaction() {
        return readTransaction;
    }

    /**
     * Loads entities by id in one query, in a read-only transaction, through OGM (which maps the entities' fields and
     * relationships to the API's types): with the same query timeout and bookmark manager as {@link #rows}, which the
     * Driver OGM is given adds to its sessions ({@link OgmReadDefaults}).
     *
     * @return the entities in the order of {@code ids}; ids that name nothing are left out
     */
    public <T> List<T> load(Class<T> type, Collection<String> ids, Function<T, String> idOf) {
        if (ids.isEmpty()) {
            return List.of();
        }
        queries.incrementAndGet();
        Collection<T> loaded = RequestStatements.run(() -> {
            Session session = sessionFactory.openSession();
            try (Transaction tx = session.beginTransaction(Transaction.Type.READ_ONLY)) {
                Collection<T> entities = session.loadAll(type, new ArrayList<>(new LinkedHashSet<>(ids)), 0);
                tx.commit();
                return entities;
            }
        });
        Map<String, T> byId = new HashMap<>();
        loaded.forEach(entity -> byId.put(idOf.apply(entity), entity));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * For each source id, the ids of the nodes it is related to, in one query. The query must take
     * {@code $ids} and return {@code source} and {@code targets} (a list of ids).
     */
    public Map<String, List<String>> related(String cypher, Collection<String> sourceIds) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        sourceIds.forEach(id -> result.put(id, List.of()));
        for (Record r : rows(cypher, Map.of("ids", List.copyOf(new LinkedHashSet<>(sourceIds))))) {
            result.put(r.get("source").asString(), r.get("targets").asList(v -> v.asString()));
        }
        return result;
    }

    /**
     * Resolves a relationship for a batch of parents: related ids in one query, the related entities in
     * a second, whatever the batch size.
     */
    public <P, T> Map<P, List<T>> batch(Collection<P> parents, Function<P, String> parentId, String relatedCypher,
            Class<T> type, Function<T, String> idOf) {
        Map<String, List<String>> targets = related(relatedCypher, parents.stream().map(parentId).toList());
        return byIds(parents, p -> targets.getOrDefault(parentId.apply(p), List.of()), type, idOf);
    }

    /**
     * Loads, in one query, the entities that each parent names by id (a trace's organisations, a verdict's
     * purposes), keeping each parent's order.
     */
    public <P, T> Map<P, List<T>> byIds(Collection<P> parents, Function<P, List<String>> idsOf, Class<T> type,
            Function<T, String> idOf) {
        Map<String, T> entities = new HashMap<>();
        load(type, parents.stream().flatMap(p -> idsOf.apply(p).stream()).distinct().toList(), idOf)
            .forEach(e -> entities.put(idOf.apply(e), e));
        Map<P, List<T>> result = new LinkedHashMap<>();
        for (P parent : parents) {
            result.put(parent, idsOf.apply(parent).stream().map(entities::get).filter(java.util.Objects::nonNull).toList());
        }
        return result;
    }

    /** Like {@link #batch} for a to-one relationship: each parent maps to its one related entity, or none. */
    public <P, T> Map<P, T> batchOne(Collection<P> parents, Function<P, String> parentId, String relatedCypher,
            Class<T> type, Function<T, String> idOf) {
        Map<P, T> result = new LinkedHashMap<>();
        batch(parents, parentId, relatedCypher, type, idOf).forEach((p, list) -> {
            if (!list.isEmpty()) {
                result.put(p, list.getFirst());
            }
        });
        return result;
    }

    /** Queries run since start-up (for tests and diagnostics). */
    public long queryCount() {
        return queries.get();
    }
}
