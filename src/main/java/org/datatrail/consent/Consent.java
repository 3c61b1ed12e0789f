package org.datatrail.consent;

import org.datatrail.evidence.Hedge;
import java.util.ArrayList;
import java.util.List;

import org.datatrail.evidence.Evidence;
import org.datatrail.organisation.Organisation;
import org.datatrail.system.PagedList;
import org.datatrail.system.Pages;
import org.neo4j.ogm.annotation.Id;
import org.neo4j.ogm.annotation.NodeEntity;
import org.neo4j.ogm.annotation.Relationship;

/** A consent or privacy notice: what the data subjects were told, or agreed to, when the data was collected. */
@NodeEntity("Consent")
public class Consent {

    @Id
    private String id;

    private String title;

    /** {@code CONSENT} or {@code PRIVACY_NOTICE}. */
    private String kind;

    /** Channels the subjects agreed to be contacted by, e.g. "post". */
    private List<String> channels = new ArrayList<>();

    /** When this version took effect, as far as the sources say. */
    private java.time.LocalDate validFrom;

    /** When it was replaced or withdrawn, as far as the sources say. */
    private java.time.LocalDate validUntil;

    /** Where the sources only hedge a field: "field: wording" (see {@link Hedge}). */
    private List<String> hedges = new ArrayList<>();

    @Relationship(type = "PERMITS")
    private List<Purpose> permittedPurposes = new ArrayList<>();

    @Relationship(type = "ISSUED", direction = Relationship.Direction.INCOMING)
    private Organisation issuedBy;

    @Relationship(type = "SUPPORTED_BY")
    private List<Evidence> evidence = new ArrayList<>();

    protected Consent() {
    }

    public String getId() {
        return id;
    }

    /**
     * Opaque position of this consent in a list, for {@code after}: it names the consent, and the list it is given to
     * checks that it holds it.
     */
    public String getCursor() {
        return Pages.itemCursor("consents", id);
    }

    /** What a paged list of consents holds, and how its cursors name one ({@link PagedList}). */
    public static PagedList.Items<Consent> items() {
        return new PagedList.Items<>(Consent.class, Consent::getId, "consent", after -> Pages.itemId(after, "consents"));
    }

    public String getTitle() {
        return title;
    }

    public String getKind() {
        return kind;
    }

    public List<String> getChannels() {
        return channels;
    }

    public List<Purpose> getPermittedPurposes() {
        return permittedPurposes;
    }

    public Organisation getIssuedBy() {
        return issuedBy;
    }

    public List<Evidence> getEvidence() {
        return evidence;
    }

    public java.time.LocalDate getValidFrom() {
        return validFrom;
    }

    public java.time.LocalDate getValidUntil() {
        return validUntil;
    }

    public List<Hedge> getHedges() {
        return Hedge.of(hedges);
    }
}
