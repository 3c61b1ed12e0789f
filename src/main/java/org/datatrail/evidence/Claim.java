package org.datatrail.evidence;

import java.util.ArrayList;
import java.util.List;

import org.neo4j.ogm.annotation.Id;
import org.neo4j.ogm.annotation.NodeEntity;
import org.neo4j.ogm.annotation.Relationship;

/** One source's version of a disputed fact: the value as that source gives it, with its evidence. */
@NodeEntity("Claim")
public class Claim {

    @Id
    private String id;

    private String value;

    private String note;

    @Relationship(type = "SUPPORTED_BY")
    private List<Evidence> evidence = new ArrayList<>();

    protected Claim() {
    }

    public String getId() {
        return id;
    }

    public String getValue() {
        return value;
    }

    public String getNote() {
        return note;
    }

    public List<Evidence> getEvidence() {
        return evidence;
    }
}
