package org.datatrail.evidence;

import org.neo4j.ogm.annotation.Id;
import org.neo4j.ogm.annotation.NodeEntity;
import org.neo4j.ogm.annotation.Relationship;

/** A verbatim quote from a source that supports a fact. Evidence is only ever added, never edited. */
@NodeEntity("Evidence")
public class Evidence {

    @Id
    private String id;

    private String quote;

    @Relationship(type = "CITES")
    private Source source;

    protected Evidence() {
    }

    public String getId() {
        return id;
    }

    public String getQuote() {
        return quote;
    }

    public Source getSource() {
        return source;
    }
}
