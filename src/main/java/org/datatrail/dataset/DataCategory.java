package org.datatrail.dataset;

import org.neo4j.ogm.annotation.Id;
import org.neo4j.ogm.annotation.NodeEntity;

/** A kind of personal data (a name, a date of birth), flagged where it is about children. */
@NodeEntity("DataCategory")
public class DataCategory {

    @Id
    private String id;

    private String name;

    private boolean concernsChildren;

    protected DataCategory() {
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public boolean isConcernsChildren() {
        return concernsChildren;
    }
}
