package org.datatrail.dataset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.datatrail.evidence.Hedge;
import org.datatrail.system.PagedList;
import org.datatrail.system.Pages;
import org.neo4j.ogm.annotation.Id;
import org.neo4j.ogm.annotation.NodeEntity;

/**
 * The making of one dataset from another: {@code (source)-[:FEEDS]->(derivation)-[:INTO]->(dataset)}, one direction
 * all the way, so that lineage is a plain path along {@code FEEDS|INTO}. A node, because it has its own evidence: a trace follows data into what was
 * made from it only where the sources say so.
 */
@NodeEntity("Derivation")
public class Derivation {

    @Id
    private String id;

    /** COPY, SUBSET, MERGE, ENRICHMENT or MODEL. */
    private String kind;

    private LocalDate date;

    /** Where the sources only hedge a field: "field: wording". */
    private List<String> hedges = new ArrayList<>();

    protected Derivation() {
    }

    public String getId() {
        return id;
    }

    /**
     * Opaque position of this derivation in a list, for {@code after}: it names the derivation, and the list it is given to
     * checks that it holds it.
     */
    public String getCursor() {
        return Pages.itemCursor("derivations", id);
    }

    /** What a paged list of derivations holds, and how its cursors name one ({@link PagedList}). */
    public static PagedList.Items<Derivation> items() {
        return new PagedList.Items<>(Derivation.class, Derivation::getId, "derivation", after -> Pages.itemId(after, "derivations"));
    }

    public String getKind() {
        return kind;
    }

    public LocalDate getDate() {
        return date;
    }

    public List<Hedge> getHedges() {
        return Hedge.of(hedges);
    }
}
