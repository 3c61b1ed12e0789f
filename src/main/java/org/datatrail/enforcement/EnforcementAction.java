package org.datatrail.enforcement;

import org.datatrail.evidence.Hedge;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.datatrail.evidence.Evidence;
import org.datatrail.organisation.Organisation;
import org.datatrail.system.PagedList;
import org.datatrail.system.Pages;
import org.neo4j.ogm.annotation.Id;
import org.neo4j.ogm.annotation.NodeEntity;
import org.neo4j.ogm.annotation.Relationship;

/** What a regulator did about it: a fine, a notice, an audit, an inquiry. */
@NodeEntity("EnforcementAction")
public class EnforcementAction {

    @Id
    private String id;

    /** FINE, NOTICE_OF_INTENT, AUDIT, ENFORCEMENT_NOTICE, INQUIRY or WARNING. */
    private String kind;

    private Double amount;

    /** ISO-4217, e.g. GBP. */
    private String currency;

    private LocalDate date;

    /** The regulator's finding, in its words where the sources quote them. */
    private String legalFinding;

    /** ANNOUNCED, ONGOING, TAKEN or WITHDRAWN; null where no source says. */
    private String status;

    /** Where the sources only hedge a field: "field: wording" (see {@link Hedge}). */
    private List<String> hedges = new ArrayList<>();

    @Relationship(type = "TOOK", direction = Relationship.Direction.INCOMING)
    private Organisation regulator;

    @Relationship(type = "AGAINST")
    private Organisation against;

    @Relationship(type = "SUPPORTED_BY")
    private List<Evidence> evidence = new ArrayList<>();

    protected EnforcementAction() {
    }

    public String getId() {
        return id;
    }

    /**
     * Opaque position of this enforcement action in a list, for {@code after}: it names the enforcement action, and the list it is given to
     * checks that it holds it.
     */
    public String getCursor() {
        return Pages.itemCursor("enforcementActions", id);
    }

    /** What a paged list of enforcementActions holds, and how its cursors name one ({@link PagedList}). */
    public static PagedList.Items<EnforcementAction> items() {
        return new PagedList.Items<>(EnforcementAction.class, EnforcementAction::getId, "enforcement action", after -> Pages.itemId(after, "enforcementActions"));
    }

    public String getKind() {
        return kind;
    }

    public Double getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public LocalDate getDate() {
        return date;
    }

    public String getLegalFinding() {
        return legalFinding;
    }

    public Organisation getRegulator() {
        return regulator;
    }

    public Organisation getAgainst() {
        return against;
    }

    public List<Evidence> getEvidence() {
        return evidence;
    }

    public String getStatus() {
        return status;
    }

    public List<Hedge> getHedges() {
        return Hedge.of(hedges);
    }
}
