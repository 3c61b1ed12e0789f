package org.datatrail.evidence;

import java.util.ArrayList;
import java.util.List;

import org.datatrail.system.PagedList;
import org.datatrail.system.Pages;
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

    /**
     * Opaque position of this dispute, for {@code after}: its key in the order every list of disputes has (kind,
     * subject, id), so it continues {@code Query.disputes} from its place even when it is gone, and a fact's list of
     * disputes, which checks that it holds it.
     */
    public String getCursor() {
        return Pages.keyset("disputes", "", kind == null ? "" : kind, subject == null ? "" : subject, id);
    }

    /** What a paged list of disputes holds, and how its cursors name one ({@link PagedList}). */
    public static PagedList.Items<Dispute> items() {
        return new PagedList.Items<>(Dispute.class, Dispute::getId, "dispute", after -> Pages.key(after, "disputes", "", 3).get(2));
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
