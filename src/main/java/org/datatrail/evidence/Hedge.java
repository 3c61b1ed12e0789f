package org.datatrail.evidence;

import java.util.List;

/**
 * A source's hedge on a fact ("apparently acting as an agent or processor"): the field it qualifies and the source's
 * words, which the fact's evidence quotes. Stored on the fact as {@code "field: wording"}.
 */
public record Hedge(String field, String wording) {

    /** The hedges stored on a fact. */
    public static List<Hedge> of(List<String> stored) {
        return stored == null ? List.of() : stored.stream().map(Hedge::parse).toList();
    }

    private static Hedge parse(String stored) {
        int colon = stored.indexOf(": ");
        return colon < 0 ? new Hedge("", stored) : new Hedge(stored.substring(0, colon), stored.substring(colon + 2));
    }
}
