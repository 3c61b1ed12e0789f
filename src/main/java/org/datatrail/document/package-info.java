/**
 * Source documents: the text of a source, attached by an investigator (plain text, HTML, PDF), extracted on upload and
 * kept in the graph, so that every quote citing the source is checked against it (on every write, by the ingest
 * validator; and all of them again when a document is attached), shown in its context, and readable in full by those
 * allowed to.
 */
package org.datatrail.document;
