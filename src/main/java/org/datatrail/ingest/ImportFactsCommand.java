package org.datatrail.ingest;

import static picocli.CommandLine.ExitCode.OK;
import static picocli.CommandLine.ExitCode.SOFTWARE;
import static picocli.CommandLine.ExitCode.USAGE;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.datatrail.system.DataDirectory;
import org.datatrail.system.SpringArguments;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code import --dir <folder> [--batch n] [--mode auto|offline|online]}: loads a folder of {@code <section>.jsonl} files,
 * offline into a new embedded database or online in batches (see {@link ImportMode}).
 */
// not ImportCommand: OfflineImport runs Neo4j's class of that name
@Command(name = "import", description = "Loads a folder of <section>.jsonl files (as generate writes them): offline into a new embedded "
        + "database (all or nothing), or online in batched transactions into any database.")
public final class ImportFactsCommand implements Callable<Integer> {

    @Option(names = "--dir", paramLabel = "<folder>", description = "the folder of .jsonl files (required)")
    private String dir;

    // strings, not typed options: the messages on a bad value are the command's own
    @Option(names = "--batch", paramLabel = "<n>", description = "records per transaction online (default: ${DEFAULT-VALUE})")
    private String batch = String.valueOf(BulkImport.DEFAULT_BATCH);

    @Option(names = "--mode", paramLabel = "auto|offline|online", description = "auto (the default) is offline exactly when the configured "
            + "database is the embedded one and does not exist yet")
    private String mode;

    private final SpringArguments spring;

    public ImportFactsCommand(SpringArguments spring) {
        this.spring = spring;
    }

    @Override
    public Integer call() {
        if (dir == null) {
            System.err.println("import: missing --dir <folder>; e.g. import --dir target/network-m");
            return USAGE;
        }
        int batchSize;
        try {
            batchSize = Integer.parseInt(batch);
            if (batchSize < 1) {
                throw new NumberFormatException();
            }
        }
        catch (NumberFormatException e) {
            System.err.println("import: --batch must be a positive whole number, was '" + batch + "'");
            return USAGE;
        }
        ImportMode chosen;
        try {
            chosen = ImportMode.choose(mode, spring.args());
        }
        catch (IllegalArgumentException e) {
            System.err.println("import: " + e.getMessage());
            return USAGE;
        }
        System.out.println("import: " + chosen.why());
        try {
            if (chosen.offline()) {
                var result = new OfflineImport().load(Path.of(dir), chosen.dataDir(), batchSize, System.out);
                double seconds = result.millis() / 1000.0;
                System.out.printf("import: loaded %s offline: %,d records, %,d nodes and %,d relationships in %.1f s (lines checked in %.1f s, "
                        + "store written, indexed and completed in %.1f s): %,.0f relationships/s%n", dir, result.records(), result.nodesCreated(),
                        result.relationshipsCreated(), seconds, result.checkMillis() / 1000.0, result.storeMillis() / 1000.0,
                        result.relationshipsCreated() / seconds);
                return OK;
            }
            if (chosen.embedded()) {
                // an online import into the embedded database: what a killed offline import left would stop the start
                try (DataDirectory folder = DataDirectory.lock(chosen.dataDir(), "import")) {
                    OfflineImport.removeLeftovers(folder, System.out);
                }
            }
            try (ConfigurableApplicationContext context = spring.start()) {
                var result = context.getBean(BulkImport.class).load(Path.of(dir), batchSize, System.out);
                System.out.printf("import: loaded %s: %,d records, %,d nodes and %,d relationships created in %.1f s (%,.0f relationships/s)%n", dir,
                        result.records(), result.nodesCreated(), result.relationshipsCreated(), result.millis() / 1000.0,
                        result.relationshipsPerSecond());
                return OK;
            }
        }
        catch (FactValidationException e) {
            System.err.println("import: " + dir + " refused: " + e.getMessage().replace("nothing was written", chosen.offline()
                    ? "nothing was written (the offline import is all or nothing: fix it and run the import again)"
                    : "nothing of that batch was written (the batches before it are loaded; fix it and run the import again: loads are idempotent)"));
            return USAGE;
        }
        catch (RuntimeException e) {
            System.err.println("import: failed: " + SpringArguments.rootMessage(e));
            return SOFTWARE;
        }
    }
}
