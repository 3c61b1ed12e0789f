package org.datatrail.ingest;

import static picocli.CommandLine.ExitCode.OK;
import static picocli.CommandLine.ExitCode.SOFTWARE;
import static picocli.CommandLine.ExitCode.USAGE;

import java.util.concurrent.Callable;

import org.datatrail.system.SpringArguments;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seed --dir <folder>}: loads a folder of facts files through the one write path, all of it or nothing. */
@Command(name = "seed", description = "Loads a folder of facts files (JSON, as in seed/) into the database; a file that breaks a rule "
        + "is refused, naming file, record and field, and nothing is written.")
public final class SeedCommand implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "<folder>", description = "the folder of facts files, e.g. seed/ (required)")
    private String dir;

    private final SpringArguments spring;

    public SeedCommand(SpringArguments spring) {
        this.spring = spring;
    }

    @Override
    public Integer call() {
        // checked here, not with required = true: the message names an example
        if (dir == null) {
            System.err.println("seed: missing --dir <folder>; e.g. seed --dir seed/");
            return USAGE;
        }
        try (ConfigurableApplicationContext context = spring.start()) {
            FactWriter.Changes changes = context.getBean(SeedLoader.class).load(dir);
            System.out.printf("seed: loaded %s (%d nodes and %d relationships created, %d relationships removed)%n", dir,
                    changes.nodesCreated(), changes.relationshipsCreated(), changes.relationshipsDeleted());
            return OK;
        }
        catch (FactValidationException e) {
            System.err.println("seed: " + dir + " refused: " + e.getMessage());
            return USAGE;
        }
        catch (RuntimeException e) {
            System.err.println("seed: failed: " + SpringArguments.rootMessage(e));
            return SOFTWARE;
        }
    }
}
