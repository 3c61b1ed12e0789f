package org.datatrail.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The embedded database's folder ({@code datatrail.data-dir}), held by one DataTrail process at a time.
 * <p>
 * Before anything under the folder is read or written (Neo4j's settings file, the password file, the store), the
 * process takes an operating-system lock on {@value #LOCK_FILE} and writes its PID into it, so a second instance (an
 * app, a command, an import) stops at once with a line naming the process that holds the folder, instead of first
 * rewriting files the running database depends on. The OS releases the lock when the process ends, however it ends; a
 * clean end also removes the file, and a killed process's file (a stale PID in an unlocked file) is simply taken over.
 * Neo4j's own store lock stays the last line of defence.
 * <p>
 * The folder and everything DataTrail creates in it are private to the owner (700 for folders, 600 for files): the
 * store can be read without Bolt credentials by anyone who can read its files. Files Neo4j creates itself get the
 * process's umask, which the process that locks a data dir sets to 077 first ({@link FileModeMask}, Linux and macOS);
 * {@link #narrow} closes what existed before (a store made by another process), and the 700 folder keeps other users
 * out wherever the mask cannot be set.
 */
public final class DataDirectory implements AutoCloseable {

    /** The lock file, directly under the data dir. */
    public static final String LOCK_FILE = "datatrail.lock";

    /** Offline imports build a store in a folder of this prefix beside the live one ({@code data/}). */
    public static final String IMPORT_PREFIX = "import-";

    /**
     * Written into an offline import's store folder ({@code data/}) when it is built and removed only when every phase
     * has finished: a store folder that has it was left by an import that did not finish.
     */
    public static final String IMPORT_INCOMPLETE = "datatrail-import-incomplete";

    private static final Set<PosixFilePermission> PRIVATE_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path home;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectory(Path home, FileChannel channel, FileLock lock) {
        this.home = home;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Sets the process's umask to 077, creates the folder (private) if needed and locks it for this process.
     *
     * @param purpose what this process does with it ("app", "import"), written beside the PID for whoever finds it locked
     * @throws DataDirectoryException naming the process that holds it
     */
    public static DataDirectory lock(Path dataDir, String purpose) {
        Path home = dataDir.toAbsolutePath().normalize();
        // before any file is made: whatever this process (Neo4j's threads included) creates from here on is the owner's only
        FileModeMask.restrictToOwner();
        createPrivateFolder(home);
        Path file = home.resolve(LOCK_FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
                    privateFile(file));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot open the lock file " + file, e);
        }
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            }
            catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new DataDirectoryException(home + " is in use by another DataTrail process" + (holder.isEmpty() ? "" : " (" + holder + ")")
                        + "; stop it first, or give this one another --datatrail.data-dir");
            }
            byte[] text = ("PID " + ProcessHandle.current().pid() + ", " + purpose + ", since " + Instant.now() + "\n")
                .getBytes(StandardCharsets.UTF_8);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text), 0);
            channel.force(false);
            return new DataDirectory(home, channel, lock);
        }
        catch (IOException e) {
            try {
                channel.close();
            }
            catch (IOException ignored) {
                // the first failure is the news
            }
            throw new UncheckedIOException("Cannot lock " + file, e);
        }
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(512);
            channel.read(buffer, 0);
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
        }
        catch (IOException e) {
            return "";
        }
    }

    /** The data dir, absolute and normalised. */
    public Path home() {
        return home;
    }

    /**
     * What an offline import that did not finish left under {@code dataDir} (a killed process leaves them): its working
     * folders, and the store folder {@code data/} when it still carries {@link #IMPORT_INCOMPLETE}.
     */
    public static List<Path> importLeftovers(Path dataDir) {
        Path home = dataDir.toAbsolutePath().normalize();
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(home)) {
            try (Stream<Path> children = Files.list(home)) {
                children.filter(p -> p.getFileName().toString().startsWith(IMPORT_PREFIX) && Files.isDirectory(p)).sorted().forEach(found::add);
            }
            catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + home, e);
            }
        }
        if (Files.exists(home.resolve("data").resolve(IMPORT_INCOMPLETE))) {
            found.add(home.resolve("data"));
        }
        return found;
    }

    /**
     * Whether {@code dataDir} holds an embedded database (its store or transaction logs) that no offline import left
     * unfinished: what a command that only reads needs before it starts.
     */
    public static boolean holdsDatabase(Path dataDir) {
        Path home = dataDir.toAbsolutePath().normalize();
        return !Files.exists(home.resolve("data").resolve(IMPORT_INCOMPLETE))
                && (Files.exists(home.resolve("data/databases/neo4j")) || Files.exists(home.resolve("data/transactions/neo4j")));
    }

    /** Releases the folder for other processes, and removes the lock file (a killed process leaves it; the next one reuses it). */
    @Override
    public void close() {
        try {
            // deleted while still locked: whoever opens it next makes a new one and finds it free
            Files.deleteIfExists(home.resolve(LOCK_FILE));
            lock.release();
            channel.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot release the lock on " + home, e);
        }
    }

    /** Creates {@code folder} and missing parents inside it as owner-only folders; an existing one is narrowed to 700. */
    public static void createPrivateFolder(Path folder) {
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder, privateFolder(folder));
            }
            else if (posix(folder)) {
                Files.setPosixFilePermissions(folder, PRIVATE_FOLDER);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder " + folder + " (owner-only)", e);
        }
    }

    /** Writes {@code file} afresh, created owner-only (600) from the start, never readable by others even briefly. */
    public static void writePrivate(Path file, String text) {
        try {
            try {
                Files.createFile(file, privateFile(file));
            }
            catch (FileAlreadyExistsException exists) {
                if (posix(file)) {
                    Files.setPosixFilePermissions(file, PRIVATE_FILE);
                }
            }
            Files.writeString(file, text, StandardOpenOption.TRUNCATE_EXISTING);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** Narrows what is under {@code home} to the owner: folders 700, files 600 (best effort: files it cannot change are left). */
    public static void narrow(Path home) {
        if (!posix(home)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(home)) {
            for (Path p : walk.toList()) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                try {
                    Files.setPosixFilePermissions(p, Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? PRIVATE_FOLDER : PRIVATE_FILE);
                }
                catch (IOException | SecurityException e) {
                    // a file that vanished meanwhile (rotated logs) or is not ours: the 700 folder still keeps others out
                }
            }
        }
        catch (IOException | UncheckedIOException e) {
            // as above
        }
    }

    /** Deletes a folder and everything in it. */
    public static void delete(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + path, e);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?>[] privateFolder(Path path) {
        return posix(path) ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(PRIVATE_FOLDER) } : new FileAttribute<?>[0];
    }

    private static FileAttribute<?>[] privateFile(Path path) {
        return posix(path) ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(PRIVATE_FILE) } : new FileAttribute<?>[0];
    }
}
