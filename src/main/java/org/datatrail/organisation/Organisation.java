package org.datatrail.organisation;

import java.util.ArrayList;
import java.util.List;

import org.datatrail.evidence.Evidence;
import org.neo4j.ogm.annotation.Id;
import org.neo4j.ogm.annotation.NodeEntity;
import org.neo4j.ogm.annotation.Relationship;

/** A company, party, regulator or other body that holds, passes on, uses or polices personal data. */
@NodeEntity("Organisation")
public class Organisation {

    @Id
    private String id;

    private String name;

    /** Trading names, brands and other names the sources use. */
    private List<String> aliases = new ArrayList<>();

    private List<OrganisationType> types = new ArrayList<>();

    private String description;

    @Relationship(type = "PART_OF")
    private Organisation partOf;

    @Relationship(type = "SUPPORTED_BY")
    private List<Evidence> evidence = new ArrayList<>();

    protected Organisation() {
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public List<String> getAliases() {
        return aliases;
    }

    public List<OrganisationType> getTypes() {
        return types;
    }

    public String getDescription() {
        return description;
    }

    public Organisation getPartOf() {
        return partOf;
    }

    public List<Evidence> getEvidence() {
        return evidence;
    }
}
