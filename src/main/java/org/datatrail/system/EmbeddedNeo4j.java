package org.datatrail.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.dbms.DatabaseStateService;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Neo4j database DataTrail starts inside its own process when no external Neo4j is configured.
 * <p>
 * Bolt listens on loopback only, with authentication on, so the application's Driver and an analyst's
 * tools on the same host connect the same way; the HTTP connector stays off. The password is the
 * configured one, or one generated on first start and kept (owner-readable only) under the data directory; it is never
 * printed or logged, only where it is kept. The data directory is held by one process at a time ({@link DataDirectory}).
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    static final String USER = "neo4j";
    static final String PASSWORD_FILE = "neo4j-password";
    static final String CONFIG_FILE = "neo4j-datatrail.conf";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    private static final String DATABASE = "neo4j";
    private static final Duration START_WAIT = Duration.ofSeconds(120);

    private final DataDirectory folder;
    private final DatabaseManagementService managementService;
    private final String password;
    private final URI boltUri;

    private EmbeddedNeo4j(DataDirectory folder, DatabaseManagementService managementService, String password, URI boltUri) {
        this.folder = folder;
        this.managementService = managementService;
        this.password = password;
        this.boltUri = boltUri;
    }

    /**
     * Starts (or reopens) the database under {@code dataDir}, holding the folder's {@link DataDirectory} lock until
     * {@link #close}: nothing under the folder is read or written before the lock is taken.
     *
     * @param configuredPassword the password to use, or {@code null} to use the stored or a generated one
     * @throws DataDirectoryException in one line, when another process holds the folder, when it holds the leftovers of
     *         an offline import that did not finish, or when its store cannot start (naming the folder and what to do)
     */
    public static EmbeddedNeo4j start(Path dataDir, DataTrailProperties.Neo4j settings, String configuredPassword) {
        DataDirectory folder = DataDirectory.lock(dataDir, "embedded Neo4j");
        try {
            Path home = folder.home();
            refuseUnfinishedImport(folder);
            String password = configuredPassword != null && !configuredPassword.isBlank() ? configuredPassword
                    : storedOrGeneratedPassword(home);
            DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                .loadPropertiesFromFile(writeConfig(home, settings))
                .build();
            try {
                requireStarted(service, home);
                setPassword(service, password);
                GraphDatabaseService system = service.database("system");
                int port = ((GraphDatabaseAPI) system).getDependencyResolver()
                    .resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT)
                    .getPort();
                URI uri = URI.create("bolt://127.0.0.1:" + port);
                // the umask (077 since the lock) covers what Neo4j creates; a store another process made may be wider: narrowed
                DataDirectory.narrow(home);
                log.info("Embedded Neo4j started in {}; Bolt at {} (user '{}')", home, uri, USER);
                return new EmbeddedNeo4j(folder, service, password, uri);
            }
            catch (RuntimeException e) {
                service.shutdown();
                throw e;
            }
        }
        catch (RuntimeException e) {
            folder.close();
            throw e;
        }
    }

    /** A killed offline import leaves a working folder, or (killed after moving it into place) a store marked unfinished. */
    private static void refuseUnfinishedImport(DataDirectory folder) {
        List<Path> leftovers = DataDirectory.importLeftovers(folder.home());
        if (!leftovers.isEmpty()) {
            throw new DataDirectoryException(folder.home() + " holds what an offline import that did not finish left (" + leftovers.stream()
                .map(p -> p.getFileName().toString()).collect(Collectors.joining(", ")) + "): run the import again (it removes it first), "
                    + "or remove it with: rm -rf " + leftovers.stream().map(p -> "'" + p + "'").collect(Collectors.joining(" ")));
        }
    }

    /**
     * Neo4j starts the DBMS even when the database cannot start (e.g. "Transaction logs are missing and recovery is not
     * possible"), and every client then waits for a database that never comes: stop here instead, saying why.
     */
    private static void requireStarted(DatabaseManagementService service, Path home) {
        GraphDatabaseAPI database = (GraphDatabaseAPI) service.database(DATABASE);
        DatabaseStateService<?> states = ((GraphDatabaseAPI) service.database("system")).getDependencyResolver()
            .resolveDependency(DatabaseStateService.class);
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (!database.isAvailable(100)) {
            Optional<Throwable> failure = states.causeOfFailure(database.databaseId());
            if (failure.isPresent() || System.nanoTime() > deadline) {
                Path store = home.resolve("data");
                throw new DataDirectoryException("The embedded database in " + store + " cannot start: "
                        + failure.map(EmbeddedNeo4j::deepestMessage).orElse("not available after " + START_WAIT.toSeconds() + " s")
                        + ". Restore " + store + " from a backup, or move it away (mv '" + store + "' '" + store + ".broken') and load "
                        + "the facts again (seed or import); Neo4j's own account is in " + home.resolve("logs/debug.log"));
            }
        }
    }

    private static String deepestMessage(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message.lines().findFirst().orElse(message).strip();
    }

    /**
     * Neo4j's settings for the embedded database, written (afresh on each start) to a neo4j.conf-style file
     * under the data directory, where a curious user can read what the database runs with.
     */
    private static Path writeConfig(Path home, DataTrailProperties.Neo4j settings) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("server.bolt.enabled", "true");
        config.put("server.bolt.listen_address", "127.0.0.1:" + settings.boltPort());
        config.put("server.bolt.advertised_address", "127.0.0.1:" + settings.boltPort());
        config.put("server.http.enabled", "false");
        config.put("server.https.enabled", "false");
        config.put("dbms.security.auth_enabled", "true");
        // DataTrail never loads CSV from the server's disk; a Bolt user (all are admins in Community) should not either.
        config.put("dbms.security.allow_csv_import_from_file_urls", "false");
        config.put("db.tx_log.rotation.retention_policy", settings.txLogRetention());
        config.put("db.tx_log.rotation.size", "64M");
        config.put("db.transaction.timeout", settings.transactionTimeout().toMillis() + "ms");
        config.put("db.lock.acquisition.timeout", settings.lockAcquisitionTimeout().toMillis() + "ms");
        config.put("db.memory.transaction.max", settings.transactionMemoryMax());
        // Bolt's event loops otherwise wait 5 s each on shutdown
        config.put("internal.dbms.bolt.netty_server_shutdown_quiet_period_duration", "100ms");
        StringBuilder text = new StringBuilder("# Written by DataTrail on every start of the embedded database; edits are overwritten.\n");
        config.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Path file = home.resolve(CONFIG_FILE);
        DataDirectory.writePrivate(file, text.toString());
        return file;
    }

    private static void setPassword(DatabaseManagementService service, String password) {
        GraphDatabaseService system = service.database("system");
        try {
            system.executeTransactionally("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        }
        catch (RuntimeException e) {
            // Neo4j refuses to "change" a password to the one it already has: that is the normal restart case.
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }

    private static String storedOrGeneratedPassword(Path home) {
        Path file = home.resolve(PASSWORD_FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Neo4j password file " + file, e);
        }
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        String generated = HexFormat.of().formatHex(bytes);
        DataDirectory.writePrivate(file, generated + System.lineSeparator());
        // Never the password itself: stdout and logs end up in journals, CI logs and support tickets.
        System.out.printf("%nDataTrail generated a password for the embedded Neo4j (user '%s') and stored it in %s (readable by you only)."
                + "%nSet spring.neo4j.authentication.password to choose your own.%n%n", USER, file);
        return generated;
    }

    /** Bolt URI of the running database, on loopback. */
    public URI boltUri() {
        return boltUri;
    }

    /** The Bolt user's password. */
    public String password() {
        return password;
    }

    /** Direct access to the database, for start-up work that must not go through Bolt (not used for queries). */
    public GraphDatabaseService database() {
        return managementService.database(DATABASE);
    }

    @Override
    public void close() {
        log.info("Stopping embedded Neo4j");
        try {
            managementService.shutdown();
        }
        finally {
            folder.close();
        }
    }
}
