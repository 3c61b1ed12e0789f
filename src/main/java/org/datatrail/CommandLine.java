package org.datatrail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.datatrail.ingest.FactValidationException;
import org.datatrail.ingest.FactWriter;
import org.datatrail.ingest.SeedLoader;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application's commands: {@code seed --dir <folder>} loads a folder of facts files into the configured
 * database (the embedded one under {@code datatrail.data-dir}, which must not be open in a running app, or
 * {@code --spring.neo4j.uri=...}). Exits 0 on success, 2 on bad input (every problem printed), 1 otherwise.
 */
final class CommandLine {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    private CommandLine() {
    }

    static boolean isCommand(String[] args) {
        return args.length > 0 && args[0].equals("seed");
    }

    static int run(String[] args) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.main.banner-mode", "off");
        defaults.put("logging.level.root", "WARN");
        defaults.put("datatrail.seed.on-empty", "false");
        List<String> springArgs = new ArrayList<>();
        String dir = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--dir") && i + 1 < args.length) {
                dir = args[++i];
            }
            else if (args[i].startsWith("--dir=")) {
                dir = args[i].substring("--dir=".length());
            }
            else if (args[i].startsWith("--") && args[i].contains("=")) {
                springArgs.add(args[i]);
            }
            else {
                System.err.println("seed: unexpected argument '" + args[i]
                        + "'; usage: seed --dir <folder of *.json facts files> [--spring.neo4j.uri=... | --datatrail.data-dir=...]");
                return BAD_INPUT;
            }
        }
        if (dir == null) {
            System.err.println("seed: missing --dir <folder>; e.g. seed --dir seed/");
            return BAD_INPUT;
        }
        SpringApplication app = new SpringApplication(DataTrailApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(defaults);
        try (ConfigurableApplicationContext context = app.run(springArgs.toArray(String[]::new))) {
            FactWriter.Changes changes = context.getBean(SeedLoader.class).load(dir);
            System.out.printf("seed: loaded %s (%d nodes and %d relationships created, %d relationships removed)%n", dir,
                    changes.nodesCreated(), changes.relationshipsCreated(), changes.relationshipsDeleted());
            return OK;
        }
        catch (FactValidationException e) {
            System.err.println("seed: " + dir + " refused: " + e.getMessage());
            return BAD_INPUT;
        }
        catch (RuntimeException e) {
            System.err.println("seed: failed: " + rootMessage(e));
            return FAILED;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
