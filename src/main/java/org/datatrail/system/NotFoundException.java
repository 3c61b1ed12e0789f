package org.datatrail.system;

/** An id that names nothing; reported as a GraphQL error of classification NOT_FOUND. */
public final class NotFoundException extends RuntimeException {

    public NotFoundException(String what, String id) {
        super("No " + what + " with id '" + id + "'");
    }

    /**
     * @param context what named it, e.g. "parameter 'party' of report 'who-fed-a-party'", or null
     * @param suggestion what the caller may have meant, e.g. "; did you mean labour-party (Labour Party)?", or empty
     */
    public NotFoundException(String what, String id, String context, String suggestion) {
        super("No " + what + " with id '" + id + "'" + (context == null ? "" : " (" + context + ")") + suggestion);
    }
}
