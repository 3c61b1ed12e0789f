// Source documents: (:Source)-[:HAS_DOCUMENT]->(:Document {source, sha256, mediaType, characters, attachedAt, text,
// bytes, fileName}). One document per source: the attach statement merges on the source's id, and this constraint
// is the index it merges with and what keeps two concurrent uploads from making two documents.
CREATE CONSTRAINT document_source IF NOT EXISTS FOR (n:Document) REQUIRE n.source IS UNIQUE;
