package org.datatrail.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Applies the versioned schema files {@code cypher/migrations/V<n>__<description>.cypher} in version order,
 * each once, and records each applied file (with a SHA-256 of its text) as a {@code :DataTrailMigration} node.
 * A file that was edited after it was applied is refused: schema history must not change under a live
 * database, so a change goes into a new file.
 */
public final class SchemaMigrations {

    static final String LOCATION = "classpath*:cypher/migrations/V*.cypher";

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);
    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.cypher");

    /** One migration file. */
    public record Migration(int version, String description, String fileName, String checksum, List<String> statements) {
    }

    private final Driver driver;
    private final List<Migration> migrations;

    public SchemaMigrations(Driver driver, List<Migration> migrations) {
        this.driver = driver;
        this.migrations = migrations.stream().sorted(Comparator.comparingInt(Migration::version)).toList();
    }

    /** The migrations shipped with the application. */
    public static SchemaMigrations fromClasspath(Driver driver) {
        return new SchemaMigrations(driver, loadMigrations(new PathMatchingResourcePatternResolver(), LOCATION));
    }

    static List<Migration> loadMigrations(ResourcePatternResolver resolver, String pattern) {
        try {
            List<Migration> result = new ArrayList<>();
            Map<Integer, String> seen = new HashMap<>();
            for (Resource resource : resolver.getResources(pattern)) {
                String name = resource.getFilename();
                Matcher m = FILE_NAME.matcher(name == null ? "" : name);
                if (!m.matches()) {
                    throw new IllegalStateException("Migration file '" + name
                            + "' is not named V<number>__<description>.cypher (e.g. V002__add_campaign_index.cypher)");
                }
                int version = Integer.parseInt(m.group(1));
                String other = seen.put(version, name);
                if (other != null) {
                    throw new IllegalStateException("Migration files '" + other + "' and '" + name + "' both have version " + version);
                }
                String text = resource.getContentAsString(StandardCharsets.UTF_8).replace("\r\n", "\n");
                result.add(new Migration(version, m.group(2).replace('_', ' '), name, sha256(text), statements(text)));
            }
            return result;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the migration files", e);
        }
    }

    /** Splits a file into statements at semicolons that end a line; {@code //} comment lines are dropped. */
    static List<String> statements(String text) {
        StringBuilder withoutComments = new StringBuilder();
        text.lines().filter(line -> !line.strip().startsWith("//")).forEach(line -> withoutComments.append(line).append('\n'));
        return Arrays.stream(withoutComments.toString().split(";\\s*(\\n|$)"))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
    }

    /**
     * Applies what has not been applied yet.
     *
     * @return the migrations applied by this call
     * @throws IllegalStateException when an applied migration's file has changed
     */
    public List<Migration> migrate() {
        try (Session session = driver.session()) {
            session.run("CREATE CONSTRAINT datatrail_migration_version IF NOT EXISTS "
                    + "FOR (m:DataTrailMigration) REQUIRE m.version IS UNIQUE").consume();
            Map<Integer, Record> applied = new HashMap<>();
            session.run("MATCH (m:DataTrailMigration) RETURN m.version AS version, m.file AS file, "
                    + "m.checksum AS checksum, toString(m.appliedAt) AS appliedAt")
                .list()
                .forEach(r -> applied.put(r.get("version").asInt(), r));
            List<Migration> done = new ArrayList<>();
            for (Migration migration : migrations) {
                Record record = applied.get(migration.version());
                if (record != null) {
                    if (!record.get("checksum").asString().equals(migration.checksum())) {
                        throw new IllegalStateException("Migration " + migration.fileName() + " was changed after it was applied (on "
                                + record.get("appliedAt").asString() + "): the database recorded checksum "
                                + record.get("checksum").asString() + ", the file now has " + migration.checksum()
                                + ". Applied migrations must not be edited: restore the file and put the change in a new V"
                                + (migrations.getLast().version() + 1) + "__<description>.cypher.");
                    }
                    continue;
                }
                for (String statement : migration.statements()) {
                    session.run(statement).consume();
                }
                session.run("CREATE (:DataTrailMigration {version: $version, description: $description, file: $file, "
                        + "checksum: $checksum, appliedAt: datetime()})",
                        Map.of("version", migration.version(), "description", migration.description(),
                                "file", migration.fileName(), "checksum", migration.checksum()))
                    .consume();
                log.info("Applied schema migration {}", migration.fileName());
                done.add(migration);
            }
            session.run("CALL db.awaitIndexes(300)").consume();
            return done;
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
