package org.datatrail.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.datatrail.security.Caller;
import org.datatrail.system.CypherResource;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;

/**
 * The one way facts get into the graph: the seed loader, investigators' mutations and bulk import all come
 * here. Input is validated as a whole (every problem reported at once) and written in a single transaction
 * in which the validation's database look-ups also run, so nothing is ever half-written.
 */
@Service
public final class FactIngest {

    private static final String KINDS = CypherResource.named(FactIngest.class, "existing-ids.cypher", "kinds");
    private static final String DERIVATIONS = CypherResource.named(FactIngest.class, "existing-ids.cypher", "derivations");
    private static final String SUPERSESSIONS = CypherResource.named(FactIngest.class, "existing-ids.cypher", "supersessions");
    private static final String DOCUMENTS = CypherResource.named(FactIngest.class, "existing-ids.cypher", "documents");
    private static final String LOCK_SOURCES = CypherResource.named(FactIngest.class, "existing-ids.cypher", "lockSources");
    private static final String AUDIT = CypherResource.load(FactIngest.class, "write-audit.cypher");
    private static final int MAX_AUDITED_INPUT = 20;

    private final Driver driver;
    private final FactValidator validator = new FactValidator();
    private final FactWriter writer = new FactWriter();

    public FactIngest(Driver driver) {
        this.driver = driver;
    }

    /**
     * Validates and writes, and records who wrote what in the audit trail, in the same transaction.
     * The application's own loads (the seed) are audited when they changed the graph; a caller's writes always.
     *
     * @return what changed
     * @throws FactValidationException listing every problem, when the input is refused (nothing is written)
     */
    public FactWriter.Changes ingest(List<FactFile> files, Caller caller) {
        try (Session session = driver.session(SessionConfig.builder()
            .withBookmarkManager(driver.executableQueryBookmarkManager())
            .build())) {
            return session.executeWrite(tx -> {
                tx.run(LOCK_SOURCES, Map.of("sources", FactValidator.citedSources(files).stream().sorted().toList())).consume();
                Existing existing = existing(tx, files);
                List<Problem> problems = validator.validate(files, existing);
                if (!problems.isEmpty()) {
                    throw new FactValidationException(problems);
                }
                FactWriter.Changes changes = writer.write(tx, files, existing.documents());
                boolean changedGraph = changes.nodesCreated() + changes.nodesDeleted() + changes.relationshipsCreated()
                        + changes.relationshipsDeleted() > 0;
                if (changedGraph || !caller.label().startsWith("system:")) {
                    audit(tx, files, caller, changes);
                }
                return changes;
            });
        }
    }

    /**
     * Validates without writing.
     *
     * @return every problem found; empty when the input would be accepted
     */
    public List<Problem> check(List<FactFile> files) {
        try (Session session = driver.session(SessionConfig.builder()
            .withDefaultAccessMode(org.neo4j.driver.AccessMode.READ)
            .withBookmarkManager(driver.executableQueryBookmarkManager())
            .build())) {
            return session.executeRead(tx -> validator.validate(files, existing(tx, files)));
        }
    }

    private void audit(TransactionContext tx, List<FactFile> files, Caller caller, FactWriter.Changes changes) {
        List<String> ids = new java.util.ArrayList<>();
        int[] records = {0};
        files.forEach(f -> FactValidator.forEachRecord(f, (section, index, record) -> {
            records[0]++;
            ids.addAll(recordIds(record));
        }));
        String input = records[0] <= MAX_AUDITED_INPUT
                ? files.stream().map(f -> f.content().toString()).collect(java.util.stream.Collectors.joining("\n")) : null;
        Map<String, Object> params = new HashMap<>();
        params.put("role", caller.role().name());
        params.put("label", caller.label());
        params.put("operation", files.stream().map(FactFile::name).collect(java.util.stream.Collectors.joining(", ")));
        params.put("ids", ids);
        params.put("input", input);
        params.put("nodesCreated", changes.nodesCreated());
        params.put("nodesDeleted", changes.nodesDeleted());
        params.put("relationshipsCreated", changes.relationshipsCreated());
        params.put("relationshipsDeleted", changes.relationshipsDeleted());
        tx.run(AUDIT, params).consume();
    }

    /**
     * The ids an audit entry records for one record: its own, then its derivations' (facts of their own, so that the
     * audit trail of a derivation finds the write that recorded it).
     */
    static List<String> recordIds(JsonNode record) {
        String id = record.path("id").asString();
        List<String> ids = new ArrayList<>(List.of(id));
        FactValidator.forEachDerivation(record, (j, derivation) -> ids.add(FactWriter.derivationId(id, derivation)));
        return ids;
    }

    /** What the validator must know of the database, looked up in the write's own transaction. */
    private static Existing existing(TransactionContext tx, List<FactFile> files) {
        Map<String, String> kinds = new HashMap<>();
        tx.run(KINDS, Map.of("ids", List.copyOf(FactValidator.mentionedIds(files))))
            .forEachRemaining(r -> kinds.put(r.get("id").asString(), r.get("kind").asString()));
        Map<String, Set<String>> derivedFrom = new HashMap<>();
        Map<String, String> derivationInto = new HashMap<>();
        Set<String> sources = FactValidator.derivationSources(files);
        List<String> derivations = kinds.entrySet().stream().filter(e -> FactValidator.DERIVATION.equals(e.getValue())).map(Map.Entry::getKey).toList();
        if (!sources.isEmpty() || !derivations.isEmpty()) {
            tx.run(DERIVATIONS, Map.of("sources", List.copyOf(sources), "derivations", derivations)).forEachRemaining(r -> {
                derivedFrom.computeIfAbsent(r.get("derived").asString(), d -> new HashSet<>()).add(r.get("source").asString());
                derivationInto.put(r.get("id").asString(), r.get("derived").asString());
            });
        }
        Map<String, String> supersedes = new HashMap<>();
        Set<String> superseded = FactValidator.supersededConsents(files);
        if (!superseded.isEmpty()) {
            tx.run(SUPERSESSIONS, Map.of("consents", List.copyOf(superseded)))
                .forEachRemaining(r -> supersedes.put(r.get("newer").asString(), r.get("older").asString()));
        }
        Map<String, SourceText> documents = new HashMap<>();
        Set<String> cited = FactValidator.citedSources(files);
        if (!cited.isEmpty()) {
            tx.run(DOCUMENTS, Map.of("sources", List.copyOf(cited)))
                .forEachRemaining(r -> documents.put(r.get("source").asString(), new SourceText(r.get("text").asString())));
        }
        return new Existing(kinds, derivedFrom, derivationInto, supersedes, documents);
    }
}
