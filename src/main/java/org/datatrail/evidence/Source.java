package org.datatrail.evidence;

import java.time.LocalDate;

import org.neo4j.ogm.annotation.Id;
import org.neo4j.ogm.annotation.NodeEntity;

/** A publication that evidence quotes come from: a news report, a regulator's notice. */
@NodeEntity("Source")
public class Source {

    /** For the seed case: the source file's name without {@code .txt}. */
    @Id
    private String id;

    private String title;

    private String publisher;

    private LocalDate published;

    private String url;

    /** How the publisher or date was established, or why it is unknown. */
    private String note;

    protected Source() {
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
}
