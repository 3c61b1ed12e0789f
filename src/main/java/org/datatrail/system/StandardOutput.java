package org.datatrail.system;

import java.io.PrintStream;

/**
 * Standard output for a command whose output is data ({@code report run > gaps.csv}, {@code bench > results.md}):
 * it carries that data alone. Whatever else writes to {@code System.out} while the command runs (a library's log line
 * through the console appender, which looks {@code System.out} up on each write; the embedded Neo4j's password notice;
 * progress) goes to standard error.
 */
public final class StandardOutput {

    private StandardOutput() {
    }

    /** A command's work, writing its data to {@code data}; its exit code. */
    @FunctionalInterface
    public interface Work {

        int run(PrintStream data);
    }

    /** Runs {@code work} with {@code System.out} pointing at standard error and the real standard output as its data. */
    public static int dataOnly(Work work) {
        PrintStream data = System.out;
        System.setOut(System.err);
        try {
            return work.run(data);
        }
        finally {
            data.flush();
            System.setOut(data);
        }
    }
}
