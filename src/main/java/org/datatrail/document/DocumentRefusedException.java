package org.datatrail.document;

/**
 * An upload refused, nothing stored: the HTTP status it is answered with (400, 404, 413 or 415) and a message that
 * names what is wrong and what would be right.
 */
public final class DocumentRefusedException extends RuntimeException {

    private final int status;

    DocumentRefusedException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status of the refusal. */
    public int status() {
        return status;
    }
}
