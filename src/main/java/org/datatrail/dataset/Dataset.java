package org.datatrail.dataset;

import org.datatrail.evidence.Hedge;
import java.util.ArrayList;
import java.util.List;

import org.datatrail.consent.Consent;
import org.datatrail.evidence.Evidence;
import org.datatrail.organisation.Organisation;
import org.datatrail.system.PagedList;
import org.datatrail.system.Pages;
import org.neo4j.ogm.annotation.Id;
import org.neo4j.ogm.annotation.NodeEntity;
import org.neo4j.ogm.annotation.Relationship;

/** A body of personal data about groups of people (never individuals), collected under some consents. */
@NodeEntity("Dataset")
public class Dataset {

    @Id
    private String id;

    private String name;

    /** Groups the data is about, e.g. "new and expectant mothers". */
    private List<String> subjectGroups = new ArrayList<>();

    /** How it was collected, e.g. "online registration on its website". */
    private List<String> collectionChannels = new ArrayList<>();

    /** When the data was collected, as far as the sources say. */
    private java.time.LocalDate collectedFrom;

    private java.time.LocalDate collectedUntil;

    /** Where the sources only hedge a field: "field: wording" (see {@link Hedge}). */
    private List<String> hedges = new ArrayList<>();

    @Relationship(type = "HOLDS", direction = Relationship.Direction.INCOMING)
    private Organisation heldBy;

    @Relationship(type = "HAS_CATEGORY")
    private List<DataCategory> dataCategories = new ArrayList<>();

    @Relationship(type = "COLLECTED_UNDER")
    private List<Consent> consents = new ArrayList<>();

    @Relationship(type = "SUPPORTED_BY")
    private List<Evidence> evidence = new ArrayList<>();

    protected Dataset() {
    }

    public String getId() {
        return id;
    }

    /**
     * Opaque position of this dataset in a list, for {@code after}: it names the dataset, and the list it is given to
     * checks that it holds it.
     */
    public String getCursor() {
        return Pages.itemCursor("datasets", id);
    }

    /** What a paged list of datasets holds, and how its cursors name one ({@link PagedList}). */
    public static PagedList.Items<Dataset> items() {
        return new PagedList.Items<>(Dataset.class, Dataset::getId, "dataset", after -> Pages.itemId(after, "datasets"));
    }

    public String getName() {
        return name;
    }

    public List<String> getSubjectGroups() {
        return subjectGroups;
    }

    public List<String> getCollectionChannels() {
        return collectionChannels;
    }

    public Organisation getHeldBy() {
        return heldBy;
    }

    public List<DataCategory> getDataCategories() {
        return dataCategories;
    }

    public List<Consent> getConsents() {
        return consents;
    }

    public List<Evidence> getEvidence() {
        return evidence;
    }

    public java.time.LocalDate getCollectedFrom() {
        return collectedFrom;
    }

    public java.time.LocalDate getCollectedUntil() {
        return collectedUntil;
    }

    public List<Hedge> getHedges() {
        return Hedge.of(hedges);
    }
}
