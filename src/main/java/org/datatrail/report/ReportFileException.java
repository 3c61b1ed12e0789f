package org.datatrail.report;

/** A report file that is refused: its message names the file and line and says what is expected. */
public final class ReportFileException extends RuntimeException {

    public ReportFileException(String message) {
        super(message);
    }
}
