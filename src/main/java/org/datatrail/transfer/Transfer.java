package org.datatrail.transfer;

import org.datatrail.evidence.Hedge;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.datatrail.consent.Purpose;
import org.datatrail.dataset.Dataset;
import org.datatrail.evidence.Evidence;
import org.datatrail.organisation.Organisation;
import org.neo4j.ogm.annotation.Id;
import org.neo4j.ogm.annotation.NodeEntity;
import org.neo4j.ogm.annotation.Relationship;

/**
 * One movement of a dataset (or part of it) from one organisation to another:
 * {@code (from)-[:SENT]->(transfer)-[:TO]->(to)}. A node rather than a relationship, because a transfer
 * has its own evidence, purposes and principal.
 */
@NodeEntity("Transfer")
public class Transfer {

    @Id
    private String id;

    private LocalDate date;

    /** Where the sources only bound the date: the earliest it can have happened. */
    private LocalDate earliest;

    /** Where the sources only bound the date: the latest it can have happened. */
    private LocalDate latest;

    /** Where the sources only hedge a field: "field: wording" (see {@link Hedge}). */
    private List<String> hedges = new ArrayList<>();

    /** The best-supported record count; competing figures are disputes. */
    private Long recordCount;

    /** True where the sources only say "more than" {@link #recordCount}. */
    private boolean recordCountIsLowerBound;

    /** The agreement it was made under, in the sources' words. */
    private String agreement;

    @Relationship(type = "SENT", direction = Relationship.Direction.INCOMING)
    private Organisation from;

    @Relationship(type = "TO")
    private Organisation to;

    @Relationship(type = "CARRIES")
    private Dataset dataset;

    @Relationship(type = "FOR")
    private List<Purpose> purposes = new ArrayList<>();

    /** Set where the receiver acted as agent or processor for another organisation. */
    @Relationship(type = "ON_BEHALF_OF")
    private Organisation onBehalfOf;

    @Relationship(type = "SUPPORTED_BY")
    private List<Evidence> evidence = new ArrayList<>();

    protected Transfer() {
    }

    public String getId() {
        return id;
    }

    public LocalDate getDate() {
        return date;
    }

    public Long getRecordCount() {
        return recordCount;
    }

    public boolean isRecordCountIsLowerBound() {
        return recordCountIsLowerBound;
    }

    public String getAgreement() {
        return agreement;
    }

    public Organisation getFrom() {
        return from;
    }

    public Organisation getTo() {
        return to;
    }

    public Dataset getDataset() {
        return dataset;
    }

    public List<Purpose> getPurposes() {
        return purposes;
    }

    public Organisation getOnBehalfOf() {
        return onBehalfOf;
    }

    public List<Evidence> getEvidence() {
        return evidence;
    }

    /**
     * Opaque position of this transfer in an organisation's list of transfers, for {@code after}: it names the
     * transfer, and the list it is given to checks that the transfer is one of its own (a transfer is in two lists,
     * its sender's transfersOut and its receiver's transfersIn, in the same order in both).
     */
    public String getCursor() {
        return org.datatrail.system.Pages.itemCursor("transfers", id);
    }

    /**
     * The transfer id inside a cursor from {@link #getCursor()}.
     *
     * @throws org.datatrail.system.BadArgumentException when it is not such a cursor
     */
    public static String idFromCursor(String cursor) {
        return org.datatrail.system.Pages.itemId(cursor, "transfers");
    }

    /** What a paged list of transfers holds, and how its cursors name one ({@link org.datatrail.system.PagedList}). */
    public static org.datatrail.system.PagedList.Items<Transfer> items() {
        return new org.datatrail.system.PagedList.Items<>(Transfer.class, Transfer::getId, "transfer", Transfer::idFromCursor);
    }

    public LocalDate getEarliest() {
        return earliest;
    }

    public LocalDate getLatest() {
        return latest;
    }

    public List<Hedge> getHedges() {
        return Hedge.of(hedges);
    }
}
