package org.datatrail.evidence;

import java.util.ArrayList;
import java.util.List;

import org.neo4j.ogm.annotation.Id;
import org.neo4j.ogm.annotation.NodeEntity;
import org.neo4j.ogm.annotation.Relationship;

/**
 * A fact on which sources disagree (a count, a channel, a date), or which a source garbles. Every claim
 * is kept side by side with its evidence; none is silently preferred.
 */
@NodeEntity("Dispute")
public class Dispute {

    @Id
    private String id;

    /** Its place in {@code Query.disputes} when it was read from that list; never stored. */
    @org.neo4j.ogm.annotation.Transient
    private String cursor;

    /** What the disagreement is about, e.g. "records supplied by X to Y". */
    private String subject;

    /** Which property of the fact, e.g. {@code recordCount}. */
    private String field;

    /** {@code DISAGREEMENT} or {@code TRANSCRIPTION_ERROR}. */
    private String kind;

    private String note;

    @Relationship(type = "HAS_CLAIM")
    private List<Claim> claims = new ArrayList<>();

    protected Dispute() {
    }

    /** This dispute with its place in {@code Query.disputes}, for {@code after}. */
    Dispute withCursor(String cursor) {
        this.cursor = cursor;
        return this;
    }

    /** Its place in {@code Query.disputes}, for {@code after}; null where it was not read from that list. */
    public String getCursor() {
        return cursor;
    }

    public String getId() {
        return id;
    }

    public String getSubject() {
        return subject;
    }

    public String getField() {
        return field;
    }

    public String getKind() {
        return kind;
    }

    public String getNote() {
        return note;
    }

    public List<Claim> getClaims() {
        return claims;
    }
}
