package org.datatrail.consent;

import java.util.ArrayList;
import java.util.List;

import org.neo4j.ogm.annotation.Id;
import org.neo4j.ogm.annotation.NodeEntity;
import org.neo4j.ogm.annotation.Relationship;

/**
 * A use of personal data, from a small vocabulary. A purpose covers a narrower one only through an explicit
 * {@code INCLUDES} relationship, so "third-party marketing" never silently covers "political campaigning".
 */
@NodeEntity("Purpose")
public class Purpose {

    @Id
    private String id;

    private String name;

    private String description;

    @Relationship(type = "INCLUDES")
    private List<Purpose> includes = new ArrayList<>();

    protected Purpose() {
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public List<Purpose> getIncludes() {
        return includes;
    }
}
