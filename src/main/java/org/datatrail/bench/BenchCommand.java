package org.datatrail.bench;

import java.util.concurrent.Callable;

import org.datatrail.system.SpringArguments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench}: generates a network, imports it and measures the API on it (see {@link Benchmark}). */
@Command(name = "bench", description = "Generates a synthetic network, imports it into a new database under target/bench, serves it and "
        + "measures the API's requests; with --documents also attaching documents and searching them. The figures go to --out as JSON; "
        + "standard output carries them as a Markdown table alone (bench > results.md), progress and logs go to standard error.")
public final class BenchCommand implements Callable<Integer> {

    // strings, not typed options: Benchmark.command checks them and says what is wrong
    @Option(names = "--size", paramLabel = "XS|S|M|L", description = "the network's size (default: S)")
    private String size;

    @Option(names = "--seed", paramLabel = "<n>", description = "the random seed (default: 42)")
    private String seed;

    @Option(names = "--iterations", paramLabel = "<n>", description = "measured requests per scenario (default: 200)")
    private String iterations;

    @Option(names = "--warm-up", paramLabel = "<seconds>", description = "all scenarios run untimed this long first (default: "
            + Benchmark.DEFAULT_WARM_UP_SECONDS + ")")
    private String warmUp;

    @Option(names = "--out", paramLabel = "<file.json>", description = "the figures (default: target/bench/benchmarks-<size>.json)")
    private String out;

    @Option(names = "--markdown", paramLabel = "<file.md>", description = "the figures as a Markdown table, too")
    private String markdown;

    @Option(names = "--mode", paramLabel = "offline|online", description = "how to import (default: offline, or online with --spring.neo4j.uri)")
    private String mode;

    @Option(names = "--documents", paramLabel = "<n>", description = "source documents to generate, attach and search (default: 0)")
    private String documents;

    private final SpringArguments spring;

    public BenchCommand(SpringArguments spring) {
        this.spring = spring;
    }

    @Override
    public Integer call() {
        return Benchmark.command(size, seed, out, markdown, iterations, warmUp, mode, documents, spring.args());
    }
}
