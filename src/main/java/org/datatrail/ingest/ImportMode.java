package org.datatrail.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.datatrail.system.DataTrailProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.StringUtils;

/**
 * How an import loads: {@code offline} (validate everything, then create the embedded database with Neo4j's offline
 * importer: all or nothing, for a database that does not exist yet) or {@code online} (batched transactions through
 * {@link FactIngest}, into any database). {@code auto}, the default, is offline exactly when the configured database is
 * the embedded one and it does not exist yet.
 *
 * @param offline whether to use {@link OfflineImport}
 * @param embedded whether the configured database is the embedded one (no {@code spring.neo4j.uri})
 * @param dataDir the embedded database's folder ({@code datatrail.data-dir})
 * @param why the choice, in words, for the terminal
 */
public record ImportMode(boolean offline, boolean embedded, Path dataDir, String why) {

    /**
     * Reads the settings the application would start with (application.properties, environment, {@code springArgs}),
     * without starting a database.
     *
     * @param requested {@code auto}, {@code offline}, {@code online}, or {@code null} for auto
     * @throws IllegalArgumentException when the mode is unknown or cannot be used with these settings
     */
    public static ImportMode choose(String requested, List<String> springArgs) {
        String mode = requested == null ? "auto" : requested.toLowerCase(Locale.ROOT);
        if (!List.of("auto", "offline", "online").contains(mode)) {
            throw new IllegalArgumentException("--mode must be auto, offline or online, was '" + requested + "'");
        }
        SpringApplication app = new SpringApplication(SettingsOnly.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of("spring.main.banner-mode", "off", "logging.level.root", "WARN"));
        String uri;
        Path dataDir;
        try (ConfigurableApplicationContext context = app.run(springArgs.toArray(String[]::new))) {
            uri = context.getEnvironment().getProperty("spring.neo4j.uri");
            dataDir = context.getBean(DataTrailProperties.class).dataDir().toAbsolutePath().normalize();
        }
        boolean embedded = !StringUtils.hasText(uri);
        boolean fresh = embedded && OfflineImport.canLoadInto(dataDir);
        switch (mode) {
            case "online":
                return new ImportMode(false, embedded, dataDir, "online, in batched transactions");
            case "offline":
                if (!embedded) {
                    throw new IllegalArgumentException("--mode offline creates a new embedded database and cannot load into spring.neo4j.uri="
                            + uri + "; use --mode online");
                }
                if (!fresh) {
                    throw new IllegalArgumentException("--mode offline creates a new database, but " + dataDir
                            + " already holds one; use --mode online to add to it, or a new --datatrail.data-dir");
                }
                break;
            default:
                if (!fresh) {
                    return new ImportMode(false, embedded, dataDir, "online, in batched transactions (the database "
                            + (embedded ? "under " + dataDir + " exists, and offline only creates a new one" : "is " + uri) + ")");
                }
        }
        List<Path> leftovers = OfflineImport.leftovers(dataDir);
        return new ImportMode(true, true, dataDir, "offline: " + dataDir + " holds no database yet"
                + (leftovers.isEmpty() ? "" : " (only what an offline import that did not finish left, which is removed first: "
                        + leftovers.stream().map(Path::toString).collect(Collectors.joining(", ")) + ")")
                + ", so every line is checked first and Neo4j's importer then writes the whole store (all or nothing)");
    }

    /** Just the application's settings: no database, no web server. */
    @EnableConfigurationProperties(DataTrailProperties.class)
    static final class SettingsOnly {
    }
}
