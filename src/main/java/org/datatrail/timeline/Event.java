package org.datatrail.timeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.datatrail.dataset.Dataset;
import org.datatrail.evidence.Evidence;
import org.datatrail.organisation.Organisation;
import org.neo4j.ogm.annotation.Id;
import org.neo4j.ogm.annotation.NodeEntity;
import org.neo4j.ogm.annotation.Relationship;

/** A dated happening that is not a transfer, campaign or enforcement action: a collection, a deletion, an election. */
@NodeEntity("Event")
public class Event {

    @Id
    private String id;

    /** COLLECTION, DELETION, ELECTION, STATEMENT, CORPORATE or OTHER. */
    private String kind;

    private String description;

    private LocalDate date;

    @Relationship(type = "INVOLVES")
    private List<Organisation> organisations = new ArrayList<>();

    @Relationship(type = "CONCERNS")
    private List<Dataset> datasets = new ArrayList<>();

    @Relationship(type = "SUPPORTED_BY")
    private List<Evidence> evidence = new ArrayList<>();

    protected Event() {
    }

    public String getId() {
        return id;
    }

    public String getKind() {
        return kind;
    }

    public String getDescription() {
        return description;
    }

    public LocalDate getDate() {
        return date;
    }

    public List<Organisation> getOrganisations() {
        return organisations;
    }

    public List<Dataset> getDatasets() {
        return datasets;
    }

    public List<Evidence> getEvidence() {
        return evidence;
    }
}
