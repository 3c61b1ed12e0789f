package org.datatrail.system;

/**
 * The embedded database's folder cannot be used as it is (another process holds it, an offline import left it
 * unfinished, Neo4j cannot start its store): one line naming the folder and what to do, shown without a stack trace
 * when the app fails to start ({@link DataDirectoryFailureAnalyzer}).
 */
public class DataDirectoryException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public DataDirectoryException(String message) {
        super(message);
    }

    /** The data dir holds no database, and the command works on an existing one (it reads or adds to a case): the user named the wrong folder (exit code 2). */
    public static final class NoDatabase extends DataDirectoryException {

        private static final long serialVersionUID = 1L;

        public NoDatabase(String message) {
            super(message);
        }

        /** The refusal a failed start carries, if that is why it failed: the command says it in one line (exit code 2). */
        public static java.util.Optional<NoDatabase> in(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof NoDatabase refusal) {
                    return java.util.Optional.of(refusal);
                }
            }
            return java.util.Optional.empty();
        }
    }
}
