package org.datatrail.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.datatrail.security.Caller;
import org.datatrail.system.CypherResource;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.springframework.stereotype.Service;

/**
 * The one way facts get into the graph: the seed loader, investigators' mutations and bulk import all come
 * here. Input is validated as a whole (every problem reported at once) and written in a single transaction
 * in which the validation's database look-ups also run, so nothing is ever half-written.
 */
@Service
public final class FactIngest {

    private static final String EXISTING_IDS = CypherResource.load(FactIngest.class, "existing-ids.cypher");
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
                List<Problem> problems = validator.validate(files, existingKinds(tx, files));
                if (!problems.isEmpty()) {
                    throw new FactValidationException(problems);
                }
                FactWriter.Changes changes = writer.write(tx, files);
                boolean changedGraph = changes.nodesCreated() + changes.relationshipsCreated() + changes.relationshipsDeleted() > 0;
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
            return session.executeRead(tx -> validator.validate(files, existingKinds(tx, files)));
        }
    }

    private void audit(TransactionContext tx, List<FactFile> files, Caller caller, FactWriter.Changes changes) {
        List<String> ids = new java.util.ArrayList<>();
        int[] records = {0};
        files.forEach(f -> FactValidator.forEachRecord(f, (section, index, record) -> {
            records[0]++;
            ids.add(record.path("id").asString());
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
        params.put("relationshipsCreated", changes.relationshipsCreated());
        params.put("relationshipsDeleted", changes.relationshipsDeleted());
        tx.run(AUDIT, params).consume();
    }

    private static Map<String, String> existingKinds(TransactionContext tx, List<FactFile> files) {
        Map<String, String> kinds = new HashMap<>();
        tx.run(EXISTING_IDS, Map.of("ids", List.copyOf(FactValidator.mentionedIds(files))))
            .forEachRemaining(r -> kinds.put(r.get("id").asString(), r.get("kind").asString()));
        return kinds;
    }
}
