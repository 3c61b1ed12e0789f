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

    /** Offset of the quote's first character in the source's document text; null unless {@link #getCheck()} is FOUND. */
    private Integer start;

    /** Offset just after the quote's last character in the document text; null unless FOUND. */
    private Integer end;

    /** The sentence around the quote in the document, whitespace collapsed; null unless FOUND. */
    private String context;

    /** FOUND, NOT_FOUND (a document attached after the quote was recorded does not hold it) or UNCHECKED (no document). */
    private String check;

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

    public Integer getStart() {
        return start;
    }

    public Integer getEnd() {
        return end;
    }

    public String getContext() {
        return context;
    }

    /** How the quote was checked against its source's document; UNCHECKED for evidence written before documents existed. */
    public String getCheck() {
        return check == null ? "UNCHECKED" : check;
    }
}
