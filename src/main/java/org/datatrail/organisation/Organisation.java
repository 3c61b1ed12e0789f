package org.datatrail.organisation;

import org.datatrail.evidence.Hedge;
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

    /** Where the sources only hedge a field: "field: wording" (see {@link Hedge}). */
    private List<String> hedges = new ArrayList<>();

    @Relationship(type = "PART_OF")
    private Organisation partOf;

    @Relationship(type = "SUPPORTED_BY")
    private List<Evidence> evidence = new ArrayList<>();

    /** Its place in the paged list it came from; never stored. */
    @org.neo4j.ogm.annotation.Transient
    private String cursor;

    protected Organisation() {
    }

    /**
     * An organisation from its node's properties, as OGM loads it at depth 0 (its relationships are fields with
     * their own batched loaders). For the hot reads (look-up, search), which run as one auto-commit statement on
     * the driver instead of an OGM session and its transaction; document search's mentions too.
     */
    public static Organisation of(org.neo4j.driver.types.Node node) {
        Organisation o = new Organisation();
        o.id = node.get("id").asString();
        o.name = node.get("name").asString();
        o.aliases = new ArrayList<>(node.get("aliases").asList(org.neo4j.driver.Value::asString, List.of()));
        o.types = new ArrayList<>(node.get("types").asList(v -> OrganisationType.valueOf(v.asString()), List.of()));
        o.description = node.get("description").asString(null);
        return o;
    }

    /** This organisation with its place in a paged list ({@code search}), for {@code after}. */
    Organisation withCursor(String cursor) {
        this.cursor = cursor;
        return this;
    }

    /** Its place in the paged list it came from, for {@code after}; null where it was not read from a paged list. */
    public String getCursor() {
        return cursor;
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

    public List<Hedge> getHedges() {
        return Hedge.of(hedges);
    }
}
