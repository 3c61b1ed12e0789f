package org.datatrail.ingest;

/**
 * One thing wrong with the input, located precisely enough to fix without guessing.
 *
 * @param file the file (or mutation) it is in
 * @param location JSON location of the record and field, e.g. {@code transfers[0].from}
 * @param recordId id of the record, when it has one
 * @param message what is wrong and what is expected
 */
public record Problem(String file, String location, String recordId, String message) {

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file);
        if (location != null && !location.isEmpty()) {
            s.append(": ").append(location);
        }
        if (recordId != null) {
            s.append(" (id '").append(recordId).append("')");
        }
        return s.append(": ").append(message).toString();
    }
}
