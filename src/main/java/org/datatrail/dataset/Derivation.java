package org.datatrail.dataset;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.datatrail.evidence.Hedge;
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
