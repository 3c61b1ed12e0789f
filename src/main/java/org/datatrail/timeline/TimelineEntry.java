package org.datatrail.timeline;

import java.time.LocalDate;
import java.util.List;

/**
 * One line of a timeline: a transfer, campaign, enforcement action or event, with the date it happened
 * (where a source gives one) and the date a source first reported it.
 *
 * @param id the fact's id
 * @param kind TRANSFER, CAMPAIGN, ENFORCEMENT or the event's kind
 * @param date when it happened; null where no source dates it
 * @param firstReported the earliest publication date among the sources its evidence cites
 * @param summary one line saying what happened
 * @param organisationIds the organisations involved
 * @param cursor its place in the timeline it was read from, for {@code after}
 */
public record TimelineEntry(String id, String kind, LocalDate date, LocalDate firstReported, String summary,
        List<String> organisationIds, String cursor) {

    public TimelineEntry {
        organisationIds = List.copyOf(organisationIds);
    }
}
