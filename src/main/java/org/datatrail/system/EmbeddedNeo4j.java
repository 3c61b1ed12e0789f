package org.datatrail.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
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
 * configured one, or one generated on first start and kept (owner-readable only) under the data directory.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    static final String USER = "neo4j";
    static final String PASSWORD_FILE = "neo4j-password";
    static final String CONFIG_FILE = "neo4j-datatrail.conf";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    private final DatabaseManagementService managementService;
    private final String password;
    private final URI boltUri;

    private EmbeddedNeo4j(DatabaseManagementService managementService, String password, URI boltUri) {
        this.managementService = managementService;
        this.password = password;
        this.boltUri = boltUri;
    }

    /**
     * Starts (or reopens) the database under {@code dataDir}.
     *
     * @param configuredPassword the password to use, or {@code null} to use the stored or a generated one
     */
    public static EmbeddedNeo4j start(Path dataDir, DataTrailProperties.Neo4j settings, String configuredPassword) {
        Path home = dataDir.toAbsolutePath().normalize();
        String password = configuredPassword != null && !configuredPassword.isBlank() ? configuredPassword
                : storedOrGeneratedPassword(home);
        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
            .loadPropertiesFromFile(writeConfig(home, settings))
            .build();
        try {
            setPassword(service, password);
            GraphDatabaseService system = service.database("system");
            int port = ((GraphDatabaseAPI) system).getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT)
                .getPort();
            URI uri = URI.create("bolt://127.0.0.1:" + port);
            log.info("Embedded Neo4j started in {}; Bolt at {} (user '{}')", home, uri, USER);
            return new EmbeddedNeo4j(service, password, uri);
        }
        catch (RuntimeException e) {
            service.shutdown();
            throw e;
        }
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
        try {
            Files.createDirectories(home);
            Files.writeString(file, text);
            return file;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
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
            Files.createDirectories(home);
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            String generated = HexFormat.of().formatHex(bytes);
            Files.writeString(file, generated + System.lineSeparator());
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            catch (UnsupportedOperationException notPosix) {
                // Windows: the file inherits the folder's ACL
            }
            // Printed once, on the start that generated it; later starts read the file.
            System.out.printf("%nDataTrail generated a password for the embedded Neo4j (user '%s'): %s%n"
                    + "It is stored in %s. Set spring.neo4j.authentication.password to choose your own.%n%n",
                    USER, generated, file);
            return generated;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the Neo4j password file " + file, e);
        }
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
        return managementService.database("neo4j");
    }

    @Override
    public void close() {
        log.info("Stopping embedded Neo4j");
        managementService.shutdown();
    }
}
