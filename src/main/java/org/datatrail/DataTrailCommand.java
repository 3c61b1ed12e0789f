package org.datatrail;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.datatrail.bench.BenchCommand;
import org.datatrail.document.SourceCommand;
import org.datatrail.generate.GenerateCommand;
import org.datatrail.ingest.ImportFactsCommand;
import org.datatrail.ingest.SeedCommand;
import org.datatrail.report.ReportCommand;
import org.datatrail.system.SpringArguments;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line: {@code datatrail [COMMAND]}. With no command, or {@code serve}, the web application starts; any
 * other command runs against the configured database and exits 0 when done, 1 when it failed, 2 on bad input with one
 * clear message. An unknown command or option is bad input, refused before anything starts with the usage of the
 * command it was given to: the list of commands, or the command's options.
 */
@Command(name = "datatrail", mixinStandardHelpOptions = true, versionProvider = DataTrailCommand.Version.class, scope = ScopeType.INHERIT,
        description = "Where did people's personal data go? Starts the web application, or runs one command against the configured "
                + "database (the embedded one under datatrail.data-dir, which must not be open in a running app, or --spring.neo4j.uri=...) "
                + "and exits.",
        subcommands = { ServeCommand.class, SeedCommand.class, ImportFactsCommand.class, GenerateCommand.class, SourceCommand.class,
            ReportCommand.class, BenchCommand.class },
        // the footer's lines are short: picocli wraps a long one at its dots, inside a property's name
        footer = { "", "Spring properties go on any command's line as --name=value, e.g.", "  --datatrail.data-dir=/srv/datatrail",
            "  --spring.neo4j.uri=bolt://db:7687", "Exit codes: 0 done, 1 failed, 2 bad input." })
public final class DataTrailCommand implements Callable<ConfigurableApplicationContext> {

    /**
     * What a command line did.
     *
     * @param exitCode 0, 1 or 2 (see {@link DataTrailCommand})
     * @param server the web application, when the command line started it (it runs on); otherwise {@code null}
     */
    public record Outcome(int exitCode, ConfigurableApplicationContext server) {
    }

    private final SpringArguments spring;

    DataTrailCommand(SpringArguments spring) {
        this.spring = spring;
    }

    @Override
    public ConfigurableApplicationContext call() {
        return new ServeCommand(spring).call();
    }

    /** Runs {@code args}: one command, or the web application. */
    public static Outcome run(String... args) {
        CommandLine cli = commandLine(new SpringArguments(DataTrailApplication.class,
                Arrays.stream(args).filter(SpringArguments::isProperty).toList()));
        int exit = cli.execute(Arrays.stream(args).filter(a -> !SpringArguments.isProperty(a)).toArray(String[]::new));
        ParseResult last = cli.getParseResult();
        while (last != null && last.hasSubcommand()) {
            last = last.subcommand();
        }
        Object result = last == null ? null : last.commandSpec().commandLine().getExecutionResult();
        return new Outcome(exit, result instanceof ConfigurableApplicationContext server ? server : null);
    }

    /** The commands, their options and how bad input and failures end, for a line with these Spring properties. */
    static CommandLine commandLine(SpringArguments spring) {
        return new CommandLine(new DataTrailCommand(spring), new Factory(spring))
            .setUsageHelpWidth(100)
            .setExpandAtFiles(false) // an argument starting with @ is itself, not a file of arguments
            .setOverwrittenOptionsAllowed(true) // as before: the last of a repeated option counts
            .setParameterExceptionHandler(DataTrailCommand::refuse)
            .setExecutionExceptionHandler((e, failed, parsed) -> {
                failed.getErr().println(topName(failed) + ": failed: " + SpringArguments.rootMessage(e));
                return ExitCode.SOFTWARE;
            });
    }

    /** Bad input: one line naming what is wrong; after an unknown command or option, what would be right. */
    private static int refuse(ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        String message = e.getMessage();
        if (e instanceof MissingParameterException missing && missing.getMissing().getFirst() instanceof OptionSpec option) {
            message = option.longestName() + " needs a value"; // no option is required: it was given without its value
        }
        else if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().getFirst().startsWith("-")) {
            // picocli's message counts arguments without the Spring properties, which were taken out
            message = (cli.getParent() == null ? "unknown command '" : "unexpected argument '") + unmatched.getUnmatched().getFirst() + "'";
        }
        err.println(topName(cli) + ": " + message);
        if (e instanceof UnmatchedArgumentException) {
            cli.usage(err);
        }
        err.flush();
        return ExitCode.USAGE;
    }

    /** The command a message names: the one under {@code datatrail}, as the commands' own messages do. */
    private static String topName(CommandLine cli) {
        CommandLine top = cli;
        while (top.getParent() != null && top.getParent().getParent() != null) {
            top = top.getParent();
        }
        return top.getCommandName();
    }

    /** Makes the commands, giving those that start the application the Spring properties of the command line. */
    private record Factory(SpringArguments spring) implements IFactory {

        @Override
        public <K> K create(Class<K> type) throws Exception {
            Constructor<K> constructor;
            try {
                constructor = type.getDeclaredConstructor(SpringArguments.class);
            }
            catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
            constructor.setAccessible(true); // the sub-commands' own (report run, source attach) are package-private
            return constructor.newInstance(spring);
        }
    }

    /** {@code --version}: the jar's version, as Maven wrote it into the manifest. */
    static final class Version implements IVersionProvider {

        @Override
        public String[] getVersion() {
            String version = DataTrailApplication.class.getPackage().getImplementationVersion();
            return new String[] { "DataTrail " + (version == null ? "(not run from the jar)" : version) };
        }
    }
}
