package org.datatrail.report;

import static picocli.CommandLine.ExitCode.OK;
import static picocli.CommandLine.ExitCode.SOFTWARE;
import static picocli.CommandLine.ExitCode.USAGE;

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
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.datatrail.system.DataDirectoryException;
import org.datatrail.system.NotFoundException;
import org.datatrail.system.SpringArguments;
import org.datatrail.system.StandardOutput;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code report list} and {@code report run <name>}: the analysts' reports against a stopped app's database or a
 * configured Neo4j. They only read: a data dir with no database is refused, never answered from a new one.
 */
@Command(name = "report", description = "The analysts' reports (cypher/reports): list them, or run one.",
        subcommands = { ReportCommand.ListReports.class, ReportCommand.RunReport.class })
public final class ReportCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.err.println("report: usage: report list | report run <name> [--param key=value]... [--format csv|json|md] [--out file]");
        return USAGE;
    }

    /** {@code report list}: each report's name, title and parameters. */
    @Command(name = "list", description = "Lists the reports: name, title and parameters.")
    static final class ListReports implements Callable<Integer> {

        private final SpringArguments spring;

        ListReports(SpringArguments spring) {
            this.spring = spring;
        }

        @Override
        public Integer call() {
            return withApp(spring, (context, data) -> {
                ReportCatalog catalog = context.getBean(ReportCatalog.class);
                for (Report r : catalog.all()) {
                    data.printf("%-20s %s%n%-20s   %s%n", r.name(), r.title(), "", r.parameters().isEmpty() ? "no parameters"
                            : r.parameters().stream().map(p -> p.name() + " (" + p.type() + (p.required() ? ", required" : "") + ")")
                                .collect(Collectors.joining(", ")));
                }
                catalog.refused().forEach(why -> data.println("refused: " + why));
            });
        }
    }

    /** {@code report run <name> [--param key=value]... [--format csv|json|md] [--out file]}. */
    @Command(name = "run", description = "Runs one report; standard output carries the report alone.")
    static final class RunReport implements Callable<Integer> {

        @Parameters(paramLabel = "<name>", description = "the report, as report list names it")
        private String name;

        // key=value strings, not a Map option: the message on a bad one is the command's own
        @Option(names = "--param", paramLabel = "key=value", description = "a parameter of the report; repeat for each")
        private List<String> params = new ArrayList<>();

        @Option(names = "--format", paramLabel = "csv|json|md", description = "the output format (default: ${DEFAULT-VALUE})")
        private String format = "csv";

        @Option(names = "--out", paramLabel = "<file>", description = "write the report to this file (default: standard output)")
        private String out;

        private final SpringArguments spring;

        RunReport(SpringArguments spring) {
            this.spring = spring;
        }

        @Override
        public Integer call() {
            Map<String, String> parameters = new LinkedHashMap<>();
            ReportFormat chosen;
            try {
                for (String p : params) {
                    int eq = p.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--param takes key=value, got '" + p + "'");
                    }
                    parameters.put(p.substring(0, eq), p.substring(eq + 1));
                }
                chosen = ReportFormat.of(format);
            }
            catch (IllegalArgumentException e) {
                System.err.println("report: " + e.getMessage());
                return USAGE;
            }
            return withApp(spring, (context, data) -> {
                ReportRunner runner = context.getBean(ReportRunner.class);
                try (OutputStream stream = out == null ? new FilterOutputStream(data) {
                    @Override
                    public void close() throws IOException {
                        flush(); // standard output stays open
                    }
                } : Files.newOutputStream(Path.of(out))) {
                    runner.stream(name, parameters, Integer.MAX_VALUE, chosen.writer(stream));
                }
            });
        }
    }

    /** What a report command does with the started app, writing its data to {@code data}. */
    private interface Work {

        void run(ConfigurableApplicationContext context, PrintStream data) throws IOException;
    }

    /** Starts the app on an existing database only and does {@code work}, standard output carrying its data alone; its exit code. */
    private static int withApp(SpringArguments spring, Work work) {
        return StandardOutput.dataOnly(data -> {
            try (ConfigurableApplicationContext context = spring.startOnExistingDatabase()) {
                work.run(context, data);
                return OK;
            }
            catch (IllegalArgumentException | NotFoundException e) {
                System.err.println("report: " + e.getMessage());
                return USAGE;
            }
            catch (IOException | UncheckedIOException e) {
                System.err.println("report: cannot write the output: " + e.getMessage());
                return SOFTWARE;
            }
            catch (RuntimeException e) {
                var refusal = DataDirectoryException.NoDatabase.in(e);
                System.err.println("report: " + refusal.map(Throwable::getMessage).orElseGet(() -> "failed: " + SpringArguments.rootMessage(e)));
                return refusal.isPresent() ? USAGE : SOFTWARE;
            }
        });
    }
}
