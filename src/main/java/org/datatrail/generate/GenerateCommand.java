package org.datatrail.generate;

import static picocli.CommandLine.ExitCode.OK;
import static picocli.CommandLine.ExitCode.USAGE;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generate --size XS|S|M|L [--seed n] [--documents n] --out <folder>}: writes a synthetic network; no database. */
@Command(name = "generate", description = "Writes a synthetic network as .jsonl files for import (no database), and optionally a "
        + "source document for each of n sources, for source attach --dir.")
public final class GenerateCommand implements Callable<Integer> {

    // strings, not typed options: the message on a bad value is the command's own
    @Option(names = "--size", paramLabel = "XS|S|M|L", description = "M has 100,000 organisations, L a million (required)")
    private String size;

    @Option(names = "--seed", paramLabel = "<n>", description = "the random seed; the same seed writes the same network (default: ${DEFAULT-VALUE})")
    private String seed = "42";

    @Option(names = "--documents", paramLabel = "<n>", description = "source documents to write under <folder>/documents (default: ${DEFAULT-VALUE})")
    private String documents = "0";

    @Option(names = "--out", paramLabel = "<folder>", description = "where to write (required)")
    private String out;

    @Override
    public Integer call() {
        if (out == null || size == null) {
            System.err.println("generate: usage: generate --size XS|S|M|L [--seed n] [--documents n] --out <folder>");
            return USAGE;
        }
        try {
            var chosen = NetworkGenerator.Size.valueOf(size.toUpperCase(Locale.ROOT));
            int count = Integer.parseInt(documents);
            var summary = NetworkGenerator.generate(chosen, Long.parseLong(seed), count, Path.of(out));
            System.out.println("generate: wrote " + summary.records() + " to " + out + "; lineage: " + summary.lineage());
            if (count > 0) {
                System.out.println("generate: " + count + " documents in " + Path.of(out, "documents") + "; after the import, attach them with: "
                        + "source attach --dir " + Path.of(out, "documents"));
            }
            return OK;
        }
        catch (IllegalArgumentException e) {
            System.err.println("generate: --size must be XS, S, M or L, --seed a whole number and --documents a whole number, 0 or more; "
                    + e.getMessage());
            return USAGE;
        }
    }
}
