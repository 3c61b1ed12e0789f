package org.datatrail.system;

import java.util.Locale;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's file mode creation mask (umask), set to {@code 077} by a process that holds an embedded database's data
 * dir: Neo4j creates its store, index and log files itself, with the mask, for as long as it runs (new transaction
 * logs, index files), and Java has no call to change it. libc's {@code umask} is called through JNA (which Neo4j itself
 * ships and uses; the Foreign Function &amp; Memory API would need Java 22, the build targets 21). On Linux and macOS
 * only; elsewhere it says so in the log, and the folder's own 700 mode keeps others out.
 */
final class FileModeMask {

    /** Owner-only: group and others get no bit of a file or folder the process creates. */
    static final int OWNER_ONLY = 0077;

    private static final Logger log = LoggerFactory.getLogger(FileModeMask.class);

    private FileModeMask() {
    }

    /** The one libc function needed; {@code mode_t} is passed as an int (its low bits are the mode on both systems). */
    interface C extends Library {
        int umask(int mask);
    }

    /**
     * Sets the mask to {@link #OWNER_ONLY} for the whole process (it has one mask; setting it again changes nothing).
     *
     * @return the mask before, or -1 where it cannot be set
     */
    static int restrictToOwner() {
        if (!Platform.isLinux() && !Platform.isMac()) {
            log.info("The file mode mask (umask) is not set on {}: files Neo4j creates later are protected by the data dir's own rights only",
                    System.getProperty("os.name"));
            return -1;
        }
        try {
            int before = Native.load(Platform.C_LIBRARY_NAME, C.class).umask(OWNER_ONLY) & 0777;
            if (before != OWNER_ONLY) {
                log.info("File mode mask (umask) set to {} (was {}): every file this process creates from now on, Neo4j's included, "
                        + "is readable by its owner only", octal(OWNER_ONLY), octal(before));
            }
            return before;
        }
        catch (LinkageError | RuntimeException e) {
            // e.g. native access denied, or no libc found: the 700 folder still keeps others out
            log.warn("The file mode mask (umask) could not be set ({}): files Neo4j creates later are protected by the data dir's own "
                    + "rights only; start the app with umask 077 to have them 600", e.toString());
            return -1;
        }
    }

    private static String octal(int mask) {
        return String.format(Locale.ROOT, "%03o", mask);
    }
}
