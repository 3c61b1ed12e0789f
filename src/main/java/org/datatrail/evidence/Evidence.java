package org.datatrail.evidence;

import org.datatrail.system.PagedList;
import org.datatrail.system.Pages;
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

    /**
     * Opaque position of this evidence in a list, for {@code after}: it names the evidence, and the list it is given to
     * checks that it holds it.
     */
    public String getCursor() {
        return Pages.itemCursor("evidence", id);
    }

    /** What a paged list of evidence holds, and how its cursors name one ({@link PagedList}). */
    public static PagedList.Items<Evidence> items() {
        return new PagedList.Items<>(Evidence.class, Evidence::getId, "evidence", after -> Pages.itemId(after, "evidence"));
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
