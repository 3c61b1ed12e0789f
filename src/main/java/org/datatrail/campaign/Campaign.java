package org.datatrail.campaign;

import org.datatrail.evidence.Hedge;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.datatrail.consent.Purpose;
import org.datatrail.dataset.Dataset;
import org.datatrail.evidence.Evidence;
import org.datatrail.organisation.Organisation;
import org.datatrail.system.PagedList;
import org.datatrail.system.Pages;
import org.neo4j.ogm.annotation.Id;
import org.neo4j.ogm.annotation.NodeEntity;
import org.neo4j.ogm.annotation.Relationship;

/** A use of data: a mailing, a canvass, an ad campaign, run by an organisation with some datasets. */
@NodeEntity("Campaign")
public class Campaign {

    @Id
    private String id;

    private String name;

    /** The best-supported channel (post, email...); competing claims are disputes. */
    private String channel;

    private LocalDate startDate;

    private LocalDate endDate;

    private Long constituenciesTargeted;

    /** Who or where the campaign reached, in words. */
    private String reach;

    /** Where the sources only hedge a field: "field: wording" (see {@link Hedge}). */
    private List<String> hedges = new ArrayList<>();

    @Relationship(type = "RAN", direction = Relationship.Direction.INCOMING)
    private Organisation runBy;

    @Relationship(type = "FOR")
    private List<Purpose> purposes = new ArrayList<>();

    @Relationship(type = "USED")
    private List<Dataset> datasets = new ArrayList<>();

    @Relationship(type = "SUPPORTED_BY")
    private List<Evidence> evidence = new ArrayList<>();

    protected Campaign() {
    }

    public String getId() {
        return id;
    }

    /**
     * Opaque position of this campaign in a list, for {@code after}: it names the campaign, and the list it is given to
     * checks that it holds it.
     */
    public String getCursor() {
        return Pages.itemCursor("campaigns", id);
    }

    /** What a paged list of campaigns holds, and how its cursors name one ({@link PagedList}). */
    public static PagedList.Items<Campaign> items() {
        return new PagedList.Items<>(Campaign.class, Campaign::getId, "campaign", after -> Pages.itemId(after, "campaigns"));
    }

    public String getName() {
        return name;
    }

    public String getChannel() {
        return channel;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public Long getConstituenciesTargeted() {
        return constituenciesTargeted;
    }

    public String getReach() {
        return reach;
    }

    public Organisation getRunBy() {
        return runBy;
    }

    public List<Purpose> getPurposes() {
        return purposes;
    }

    public List<Dataset> getDatasets() {
        return datasets;
    }

    public List<Evidence> getEvidence() {
        return evidence;
    }

    public List<Hedge> getHedges() {
        return Hedge.of(hedges);
    }
}
