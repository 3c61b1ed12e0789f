package org.datatrail.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    private final Driver driver;
    private final FactValidator validator = new FactValidator();
    private final FactWriter writer = new FactWriter();

    public FactIngest(Driver driver) {
        this.driver = driver;
    }

    /**
     * Validates and writes.
     *
     * @return what changed
     * @throws FactValidationException listing every problem, when the input is refused (nothing is written)
     */
    public FactWriter.Changes ingest(List<FactFile> files) {
        try (Session session = driver.session(SessionConfig.builder()
            .withBookmarkManager(driver.executableQueryBookmarkManager())
            .build())) {
            return session.executeWrite(tx -> {
                List<Problem> problems = validator.validate(files, existingKinds(tx, files));
                if (!problems.isEmpty()) {
                    throw new FactValidationException(problems);
                }
                return writer.write(tx, files);
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

    private static Map<String, String> existingKinds(TransactionContext tx, List<FactFile> files) {
        Map<String, String> kinds = new HashMap<>();
        tx.run(EXISTING_IDS, Map.of("ids", List.copyOf(FactValidator.mentionedIds(files))))
            .forEachRemaining(r -> kinds.put(r.get("id").asString(), r.get("kind").asString()));
        return kinds;
    }
}
