package org.datatrail.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing what the tests put in the temporary folder. */
final class Folders {

    private Folders() {
    }

    /** Deletes {@code dir} and everything in it, if it is still there; says so on stderr where it cannot. */
    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        catch (IOException | UncheckedIOException e) {
            System.err.println("Could not delete the test folder " + dir + ": " + e);
        }
    }
}
