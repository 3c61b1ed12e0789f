package org.datatrail;

/** Lets tests in other packages run the command line without {@code System.exit}. */
public final class CommandLineAccess {

    private CommandLineAccess() {
    }

    public static int run(String... args) {
        return DataTrailCommand.run(args).exitCode();
    }
}
