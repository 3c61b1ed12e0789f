package org.datatrail.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Spring properties on a command's line ({@code --datatrail.data-dir=...}, {@code --spring.neo4j.uri=...}), and the
 * application a command starts with them. They are taken out of the line before the command is parsed, so that every
 * command accepts them without naming them, while any other unknown option is still refused.
 *
 * @param application the application class a command starts
 * @param args the properties, each as {@code --name=value}
 */
public record SpringArguments(Class<?> application, List<String> args) {

    /**
     * Whether {@code arg} is a Spring property: {@code --name=value} with a dot in the name, or Boot's own switches
     * {@code --debug} and {@code --trace}. The dot tells them from a command's own options ({@code --dir=seed} is one);
     * every property DataTrail, Spring and Neo4j read has one.
     */
    public static boolean isProperty(String arg) {
        int eq = arg.indexOf('=');
        return arg.startsWith("--") && eq > 2 && arg.substring(2, eq).contains(".") || arg.equals("--debug") || arg.equals("--trace");
    }

    /** Starts the application without its web server, as a command runs it. */
    public ConfigurableApplicationContext start() {
        return start(Map.of());
    }

    /**
     * Starts the application without its web server on the database that is already there, as a command that reads
     * or adds to a case does: a data dir that holds none is refused ({@link DataDirectoryException.NoDatabase}, which
     * {@link DataDirectoryException.NoDatabase#in} finds in the failure), never given a new, empty one.
     */
    public ConfigurableApplicationContext startOnExistingDatabase() {
        return start(Map.of("datatrail.create-database", "false"));
    }

    /** Starts the application without its web server, with {@code settings} under whatever the user configured. */
    public ConfigurableApplicationContext start(Map<String, Object> settings) {
        Map<String, Object> defaults = new LinkedHashMap<>(settings);
        defaults.put("spring.main.banner-mode", "off");
        defaults.put("logging.level.root", "WARN");
        defaults.put("datatrail.seed.on-empty", "false");
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(defaults);
        return app.run(args.toArray(String[]::new));
    }

    /** The innermost cause, named, for a command's one line on a failure. */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
