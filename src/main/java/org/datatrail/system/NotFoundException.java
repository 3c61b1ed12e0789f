package org.datatrail.system;

/** An id that names nothing; reported as a GraphQL error of classification NOT_FOUND. */
public final class NotFoundException extends RuntimeException {

    public NotFoundException(String what, String id) {
        super("No " + what + " with id '" + id + "'");
    }
}
