package org.datatrail.system;

/** A request argument out of bounds or malformed; reported as a GraphQL error of classification BAD_REQUEST. */
public final class BadArgumentException extends RuntimeException {

    private final String argument;

    public BadArgumentException(String argument, String problem) {
        super("Argument '" + argument + "' " + problem);
        this.argument = argument;
    }

    public String argument() {
        return argument;
    }
}
