package org.datatrail;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.datatrail.document.DocumentAttach;
import org.datatrail.document.DocumentRefusedException;
import org.datatrail.ingest.FactValidationException;
import org.datatrail.ingest.FactWriter;
import org.datatrail.ingest.ImportMode;
import org.datatrail.ingest.OfflineImport;
import org.datatrail.ingest.SeedLoader;
import org.datatrail.report.Report;
import org.datatrail.report.ReportCatalog;
import org.datatrail.report.ReportFormat;
import org.datatrail.report.ReportRunner;
import org.datatrail.security.Caller;
import org.datatrail.system.DataDirectory;
import org.datatrail.system.DataDirectoryException;
import org.datatrail.system.NotFoundException;
import org.neo4j.driver.Driver;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application's commands, run against the configured database (the embedded one under
 * {@code datatrail.data-dir}, which must not be open in a running app, or {@code --spring.neo4j.uri=...}):
 * <ul>
 * <li>{@code seed --dir <folder>}: load a folder of facts files;</li>
 * <li>{@code report list}: the report shelf;</li>
 * <li>{@code report run <name> [--param key=value]... [--format csv|json|md] [--out file]};</li>
 * <li>{@code generate --size XS|S|M|L [--seed n] [--documents n] --out <folder>}: write a synthetic network (no database),
 * with {@code n} source documents in {@code <folder>/documents} for {@code source attach --dir};</li>
 * <li>{@code import --dir <folder> [--batch n] [--mode auto|offline|online]}: load a folder of {@code <section>.jsonl} files;</li>
 * <li>{@code source attach <source id> <file>} or {@code source attach --dir <folder>}: attach documents to sources
 * (a folder's files named {@code <source id>.txt|.html|.pdf}) and check every quote citing them;</li>
 * <li>{@code bench --size XS|S|M|L [--seed n] [--iterations n] [--warm-up seconds] [--out file.json] [--markdown file.md] [--mode ...]
 * [--documents n]}: generate, import and measure (with documents: attach them, measure document search and a 5 MB PDF's attach).</li>
 * </ul>
 * Exits 0 on success, 2 on bad input (with one clear message), 1 otherwise.
 */
final class CommandLine {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    private CommandLine() {
    }

    static boolean isCommand(String[] args) {
        return args.length > 0 && List.of("seed", "report", "generate", "import", "bench", "source").contains(args[0]);
    }

    /** The arguments after the command: options of the command, and Spring properties ({@code --key=value}). */
    private record Arguments(List<String> words, Map<String, List<String>> options, List<String> springArgs) {

        String one(String option) {
            List<String> values = options.getOrDefault(option, List.of());
            return values.isEmpty() ? null : values.getLast();
        }
    }

    static int run(String[] args) {
        String command = args[0];
        Arguments parsed;
        try {
            parsed = parse(args, switch (command) {
                case "seed" -> List.of("dir");
                case "generate" -> List.of("size", "seed", "out", "documents");
                case "import" -> List.of("dir", "batch", "mode");
                case "source" -> List.of("dir");
                case "bench" -> List.of("size", "seed", "out", "markdown", "iterations", "warm-up", "mode", "documents");
                default -> List.of("param", "format", "out");
            });
        }
        catch (IllegalArgumentException e) {
            System.err.println(command + ": " + e.getMessage());
            return BAD_INPUT;
        }
        return switch (command) {
            case "seed" -> seed(parsed);
            case "generate" -> generate(parsed);
            case "import" -> importFacts(parsed);
            case "source" -> attach(parsed);
            case "bench" -> org.datatrail.bench.Benchmark.command(parsed.one("size"), parsed.one("seed"), parsed.one("out"),
                    parsed.one("markdown"), parsed.one("iterations"), parsed.one("warm-up"), parsed.one("mode"), parsed.one("documents"),
                    parsed.springArgs());
            default -> report(parsed);
        };
    }

    private static int generate(Arguments args) {
        String out = args.one("out");
        if (out == null || args.one("size") == null) {
            System.err.println("generate: usage: generate --size XS|S|M|L [--seed n] [--documents n] --out <folder>");
            return BAD_INPUT;
        }
        try {
            var size = org.datatrail.generate.NetworkGenerator.Size.valueOf(args.one("size").toUpperCase(java.util.Locale.ROOT));
            long seed = args.one("seed") == null ? 42 : Long.parseLong(args.one("seed"));
            int documents = args.one("documents") == null ? 0 : Integer.parseInt(args.one("documents"));
            var summary = org.datatrail.generate.NetworkGenerator.generate(size, seed, documents, Path.of(out));
            System.out.println("generate: wrote " + summary.records() + " to " + out + "; lineage: " + summary.lineage());
            if (documents > 0) {
                System.out.println("generate: " + documents + " documents in " + Path.of(out, "documents") + "; after the import, attach them with: "
                        + "source attach --dir " + Path.of(out, "documents"));
            }
            return OK;
        }
        catch (IllegalArgumentException e) {
            System.err.println("generate: --size must be XS, S, M or L, --seed a whole number and --documents a whole number, 0 or more; "
                    + e.getMessage());
            return BAD_INPUT;
        }
    }

    private static int importFacts(Arguments args) {
        String dir = args.one("dir");
        if (dir == null || !args.words().isEmpty()) {
            System.err.println("import: missing --dir <folder>; e.g. import --dir target/network-m");
            return BAD_INPUT;
        }
        int batch;
        try {
            batch = args.one("batch") == null ? org.datatrail.ingest.BulkImport.DEFAULT_BATCH : Integer.parseInt(args.one("batch"));
            if (batch < 1) {
                throw new NumberFormatException();
            }
        }
        catch (NumberFormatException e) {
            System.err.println("import: --batch must be a positive whole number, was '" + args.one("batch") + "'");
            return BAD_INPUT;
        }
        ImportMode mode;
        try {
            mode = ImportMode.choose(args.one("mode"), args.springArgs());
        }
        catch (IllegalArgumentException e) {
            System.err.println("import: " + e.getMessage());
            return BAD_INPUT;
        }
        System.out.println("import: " + mode.why());
        try {
            if (mode.offline()) {
                var result = new OfflineImport().load(Path.of(dir), mode.dataDir(), batch, System.out);
                double seconds = result.millis() / 1000.0;
                System.out.printf("import: loaded %s offline: %,d records, %,d nodes and %,d relationships in %.1f s (lines checked in %.1f s, "
                        + "store written, indexed and completed in %.1f s): %,.0f relationships/s%n", dir, result.records(), result.nodesCreated(),
                        result.relationshipsCreated(), seconds, result.checkMillis() / 1000.0, result.storeMillis() / 1000.0,
                        result.relationshipsCreated() / seconds);
                return OK;
            }
            if (mode.embedded()) {
                // an online import into the embedded database: what a killed offline import left would stop the start
                try (DataDirectory folder = DataDirectory.lock(mode.dataDir(), "import")) {
                    OfflineImport.removeLeftovers(folder, System.out);
                }
            }
            try (ConfigurableApplicationContext context = start(args.springArgs())) {
                var result = context.getBean(org.datatrail.ingest.BulkImport.class).load(Path.of(dir), batch, System.out);
                System.out.printf("import: loaded %s: %,d records, %,d nodes and %,d relationships created in %.1f s (%,.0f relationships/s)%n", dir,
                        result.records(), result.nodesCreated(), result.relationshipsCreated(), result.millis() / 1000.0,
                        result.relationshipsPerSecond());
                return OK;
            }
        }
        catch (FactValidationException e) {
            System.err.println("import: " + dir + " refused: " + e.getMessage().replace("nothing was written", mode.offline()
                    ? "nothing was written (the offline import is all or nothing: fix it and run the import again)"
                    : "nothing of that batch was written (the batches before it are loaded; fix it and run the import again: loads are idempotent)"));
            return BAD_INPUT;
        }
        catch (RuntimeException e) {
            System.err.println("import: failed: " + rootMessage(e));
            return FAILED;
        }
    }

    private static int attach(Arguments args) {
        List<String> words = args.words();
        boolean one = words.size() == 3 && args.one("dir") == null;
        boolean folder = words.size() == 1 && args.one("dir") != null;
        if (words.isEmpty() || !words.getFirst().equals("attach") || !(one || folder)) {
            System.err.println("source: usage: source attach <source id> <file> | source attach --dir <folder> (files named <source id>.txt, .html or .pdf)");
            return BAD_INPUT;
        }
        try (ConfigurableApplicationContext context = start(args.springArgs())) {
            DocumentAttach documents = context.getBean(DocumentAttach.class);
            Caller caller = Caller.system("source attach");
            List<DocumentAttach.Attached> attached = one ? List.of(documents.attachFile(words.get(1), Path.of(words.get(2)), caller))
                    : documents.attachFolder(Path.of(args.one("dir")), caller);
            for (DocumentAttach.Attached a : attached) {
                System.out.printf("source attach: %s %s (sha256 %s, %,d characters); %d quotes checked, %d not found%n", a.source(),
                        a.changed() ? "attached" : "unchanged (this document was already attached)", a.sha256(), a.characters(), a.quotesChecked(),
                        a.quotesNotFound().size());
                a.quotesNotFound().forEach(q -> System.out.printf("  not found: fact %s: \"%s\"%n", q.fact(), q.quote()));
            }
            return OK;
        }
        catch (DocumentRefusedException e) {
            System.err.println("source attach: refused: " + e.getMessage());
            return BAD_INPUT;
        }
        catch (RuntimeException e) {
            System.err.println("source attach: failed: " + rootMessage(e));
            return FAILED;
        }
    }

    private static int seed(Arguments args) {
        String dir = args.one("dir");
        if (dir == null || !args.words().isEmpty()) {
            System.err.println("seed: missing --dir <folder>; e.g. seed --dir seed/");
            return BAD_INPUT;
        }
        try (ConfigurableApplicationContext context = start(args.springArgs())) {
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

    private static int report(Arguments args) {
        String usage = "usage: report list | report run <name> [--param key=value]... [--format csv|json|md] [--out file]";
        if (args.words().isEmpty() || !(args.words().getFirst().equals("list") || args.words().getFirst().equals("run"))
                || (args.words().getFirst().equals("run") && args.words().size() != 2)) {
            System.err.println("report: " + usage);
            return BAD_INPUT;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        ReportFormat format;
        try {
            for (String p : args.options().getOrDefault("param", List.of())) {
                int eq = p.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--param takes key=value, got '" + p + "'");
                }
                parameters.put(p.substring(0, eq), p.substring(eq + 1));
            }
            format = ReportFormat.of(args.one("format") == null ? "csv" : args.one("format"));
        }
        catch (IllegalArgumentException e) {
            System.err.println("report: " + e.getMessage());
            return BAD_INPUT;
        }
        // standard output carries the report alone: whatever else writes to it while the command runs (a library's
        // log line through the console appender, which looks System.out up on each write) goes to standard error
        PrintStream data = System.out;
        System.setOut(System.err);
        try (ConfigurableApplicationContext context = start(args.springArgs(), Map.of("datatrail.create-database", "false"))) {
            if (args.words().getFirst().equals("list")) {
                ReportCatalog catalog = context.getBean(ReportCatalog.class);
                for (Report r : catalog.all()) {
                    data.printf("%-20s %s%n%-20s   %s%n", r.name(), r.title(), "", r.parameters().isEmpty() ? "no parameters"
                            : r.parameters().stream().map(p -> p.name() + " (" + p.type() + (p.required() ? ", required" : "") + ")")
                                .collect(Collectors.joining(", ")));
                }
                catalog.refused().forEach(why -> data.println("refused: " + why));
                return OK;
            }
            ReportRunner runner = context.getBean(ReportRunner.class);
            String name = args.words().get(1);
            String out = args.one("out");
            try (OutputStream stream = out == null ? new FilterOutputStream(data) {
                @Override
                public void close() throws IOException {
                    flush(); // standard output stays open
                }
            } : Files.newOutputStream(Path.of(out))) {
                runner.stream(name, parameters, Integer.MAX_VALUE, format.writer(stream));
            }
            return OK;
        }
        catch (IllegalArgumentException | NotFoundException e) {
            System.err.println("report: " + e.getMessage());
            return BAD_INPUT;
        }
        catch (IOException | UncheckedIOException e) {
            System.err.println("report: cannot write the output: " + e.getMessage());
            return FAILED;
        }
        catch (RuntimeException e) {
            Throwable refusal = refusal(e);
            System.err.println("report: " + (refusal != null ? refusal.getMessage() : "failed: " + rootMessage(e)));
            return refusal != null ? BAD_INPUT : FAILED;
        }
        finally {
            System.setOut(data);
        }
    }

    /** The refusal of a data dir with no database that a failed start carries, if that is why it failed. */
    private static Throwable refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataDirectoryException.NoDatabase) {
                return t;
            }
        }
        return null;
    }

    private static Arguments parse(String[] args, List<String> options) {
        List<String> words = new ArrayList<>();
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> springArgs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String option = arg.startsWith("--") ? arg.substring(2).split("=", 2)[0] : null;
            if (option != null && options.contains(option)) {
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : (i + 1 < args.length ? args[++i] : null);
                if (value == null) {
                    throw new IllegalArgumentException("--" + option + " needs a value");
                }
                values.computeIfAbsent(option, k -> new ArrayList<>()).add(value);
            }
            else if (arg.startsWith("--") && arg.contains("=")) {
                springArgs.add(arg);
            }
            else if (!arg.startsWith("--")) {
                words.add(arg);
            }
            else {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'; options: "
                        + options.stream().map(o -> "--" + o).collect(Collectors.joining(", "))
                        + ", or Spring properties as --key=value (e.g. --spring.neo4j.uri=..., --datatrail.data-dir=...)");
            }
        }
        return new Arguments(words, values, springArgs);
    }

    private static ConfigurableApplicationContext start(List<String> springArgs) {
        return start(springArgs, Map.of());
    }

    /** Starts the app without its web server, with {@code settings} under whatever the user configured. */
    private static ConfigurableApplicationContext start(List<String> springArgs, Map<String, Object> settings) {
        Map<String, Object> defaults = new LinkedHashMap<>(settings);
        defaults.put("spring.main.banner-mode", "off");
        defaults.put("logging.level.root", "WARN");
        defaults.put("datatrail.seed.on-empty", "false");
        SpringApplication app = new SpringApplication(DataTrailApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(defaults);
        return app.run(springArgs.toArray(String[]::new));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
