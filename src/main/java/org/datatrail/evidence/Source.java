package org.datatrail.evidence;

import java.time.LocalDate;

import org.neo4j.ogm.annotation.Id;
import org.neo4j.ogm.annotation.NodeEntity;
import org.neo4j.ogm.annotation.Property;

/** A publication that evidence quotes come from: a news report, a regulator's notice. */
@NodeEntity("Source")
public class Source {

    /** For the seed case: the source file's name without {@code .txt}. */
    @Id
    private String id;

    /** Its place in {@code Query.sources} when it was read from that list; never stored. */
    @org.neo4j.ogm.annotation.Transient
    private String cursor;

    private String title;

    private String publisher;

    private LocalDate published;

    private String url;

    /** How the publisher or date was established, or why it is unknown. */
    private String note;

    /** Whether journalists may read the whole attached document ({@code public} in the graph and the facts format). */
    @Property("public")
    private Boolean open;

    protected Source() {
    }

    /**
     * A source from its node's properties, as OGM loads it at depth 0: for a hot read (document search) that returns
     * its sources in its own statement instead of loading them in an OGM session and transaction of their own.
     */
    public static Source of(org.neo4j.driver.types.Node node) {
        Source s = new Source();
        s.id = node.get("id").asString();
        s.title = node.get("title").asString(null);
        s.publisher = node.get("publisher").asString(null);
        s.published = node.get("published").isNull() ? null : node.get("published").asLocalDate();
        s.url = node.get("url").asString(null);
        s.note = node.get("note").asString(null);
        s.open = node.get("public").isNull() ? null : node.get("public").asBoolean();
        return s;
    }

    /** This source with its place in {@code Query.sources}, for {@code after}. */
    Source withCursor(String cursor) {
        this.cursor = cursor;
        return this;
    }

    /** Its place in {@code Query.sources}, for {@code after}; null where it was not read from that list. */
    public String getCursor() {
        return cursor;
    }

    public String getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getPublisher() {
        return publisher;
    }

    public LocalDate getPublished() {
        return published;
    }

    public String getUrl() {
        return url;
    }

    public String getNote() {
        return note;
    }

    /** False unless the source's record says it is public (a source written before the field existed is not). */
    public boolean isPublic() {
        return Boolean.TRUE.equals(open);
    }
}
