package org.datatrail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.datatrail.system.SpringArguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The command line's help and its refusals, none of which starts the application. */
// the output is captured by swapping System.out and System.err: one class at a time may do that. Other classes' apps
// log to it meanwhile, so the assertions look for what the command wrote, not for nothing else
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
@ExtendWith(OutputCaptureExtension.class)
class DataTrailCommandTests {

    private static final List<String> COMMANDS = List.of("serve", "seed", "import", "generate", "source", "report", "bench");

    @Test
    void everyCommandAndSubCommandHasHelpListingItsOptions(CapturedOutput output) {
        List<CommandLine> all = new ArrayList<>();
        collect(DataTrailCommand.commandLine(new SpringArguments(DataTrailApplication.class, List.of())), all);
        assertThat(all).extracting(CommandLine::getCommandName)
            .containsExactlyInAnyOrder("datatrail", "serve", "seed", "import", "generate", "source", "attach", "report", "list", "run", "bench");

        for (CommandLine command : all) {
            List<String> path = path(command);
            int before = output.getOut().length();
            List<String> args = new ArrayList<>(path);
            args.add("--help");

            assertThat(DataTrailCommand.run(args.toArray(String[]::new))).as(String.join(" ", args))
                .isEqualTo(new DataTrailCommand.Outcome(0, null));
            String help = output.getOut().substring(before);
            assertThat(help).contains("Usage: " + String.join(" ", prepend("datatrail", path)) + " [-hV]");
            assertThat(help).contains(command.getCommandSpec().options().stream().map(OptionSpec::longestName).toList());
            assertThat(help).contains("--datatrail.data-dir=", "Exit codes: 0 done, 1 failed, 2 bad input.");
        }
    }

    @Test
    void theMainHelpListsTheCommands(CapturedOutput output) {
        assertThat(DataTrailCommand.run("--help").exitCode()).isZero();
        assertThat(output.getOut()).contains("Commands:").contains(COMMANDS);
        assertThat(output.getOut()).containsPattern("(?m)^  report +The analysts' reports");
    }

    @Test
    void anUnknownCommandExits2WithTheCommandsAndStartsNothing(@TempDir Path parent, CapturedOutput output) {
        Path dataDir = parent.resolve("data");

        DataTrailCommand.Outcome outcome = DataTrailCommand.run("export", "--format", "facts", "--out", parent.resolve("x").toString(),
                "--datatrail.data-dir=" + dataDir, "--server.port=0");

        assertThat(outcome).isEqualTo(new DataTrailCommand.Outcome(2, null));
        assertThat(output.getErr()).contains("datatrail: unknown command 'export'").contains("Commands:").contains(COMMANDS);
        assertThat(dataDir).doesNotExist();
        assertThat(parent.resolve("x")).doesNotExist();
    }

    @Test
    void anUnknownOptionExits2WithWhatWouldBeRightAndStartsNothing(@TempDir Path parent, CapturedOutput output) {
        Path dataDir = parent.resolve("data");

        assertThat(DataTrailCommand.run("--format", "facts", "--datatrail.data-dir=" + dataDir, "--server.port=0"))
            .isEqualTo(new DataTrailCommand.Outcome(2, null));
        assertThat(output.getErr()).contains("datatrail: Unknown options: '--format', 'facts'").contains("Commands:").contains(COMMANDS);

        int before = output.getErr().length();
        assertThat(DataTrailCommand.run("seed", "--dri", "seed", "--datatrail.data-dir=" + dataDir).exitCode()).isEqualTo(2);
        assertThat(output.getErr().substring(before)).contains("seed: Unknown options: '--dri', 'seed'")
            .contains("Usage: datatrail seed", "--dir=<folder>");

        before = output.getErr().length();
        assertThat(DataTrailCommand.run("report", "run", "enforcement", "--colour", "red", "--datatrail.data-dir=" + dataDir).exitCode())
            .isEqualTo(2);
        assertThat(output.getErr().substring(before)).contains("report: Unknown options: '--colour', 'red'")
            .contains("Usage: datatrail report run", "--param=key=value", "--format=csv|json|md", "--out=<file>");

        before = output.getErr().length();
        assertThat(DataTrailCommand.run("seed", "--dir", "seed", "extra").exitCode()).isEqualTo(2);
        assertThat(output.getErr().substring(before)).contains("seed: unexpected argument 'extra'");

        assertThat(dataDir).doesNotExist();
    }

    @Test
    void aCommandWithoutItsSubCommandSaysHowToUseIt(CapturedOutput output) {
        assertThat(DataTrailCommand.run("report").exitCode()).isEqualTo(2);
        assertThat(output.getErr()).contains("report: usage: report list | report run <name>");
        assertThat(DataTrailCommand.run("source").exitCode()).isEqualTo(2);
        assertThat(output.getErr()).contains("source: usage: source attach <source id> <file> | source attach --dir <folder>");
        assertThat(DataTrailCommand.run("report", "run").exitCode()).isEqualTo(2);
        assertThat(output.getErr()).contains("report: Missing required parameter: '<name>'");
    }

    @Test
    void springPropertiesAreTheArgumentsWithADottedName() {
        assertThat(SpringArguments.isProperty("--datatrail.data-dir=/srv/data")).isTrue();
        assertThat(SpringArguments.isProperty("--spring.neo4j.uri=bolt://db:7687")).isTrue();
        assertThat(SpringArguments.isProperty("--dir=seed.d")).as("an option whose value has a dot").isFalse();
        assertThat(SpringArguments.isProperty("--datatrail.data-dir")).as("no value").isFalse();
        assertThat(SpringArguments.isProperty("datatrail.data-dir=x")).isFalse();
        assertThat(SpringArguments.isProperty("--debug")).as("Boot's switch").isTrue();
    }

    private static void collect(CommandLine command, List<CommandLine> all) {
        all.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, all));
    }

    /** The command names after {@code datatrail} that reach {@code command}. */
    private static List<String> path(CommandLine command) {
        List<String> path = new ArrayList<>();
        for (CommandLine c = command; c.getParent() != null; c = c.getParent()) {
            path.addFirst(c.getCommandName());
        }
        return path;
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }
}
