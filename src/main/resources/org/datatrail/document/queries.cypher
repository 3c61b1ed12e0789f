// Reads of attached documents, for the API (READ access-mode transactions, through GraphReads).

// query: documents
// The document of each source, without its text or bytes (Document.text reads a stretch on demand).
UNWIND $ids AS id
MATCH (s:Source {id: id})-[:HAS_DOCUMENT]->(d:Document)
RETURN id AS source, d.sha256 AS sha256, d.mediaType AS mediaType, d.characters AS characters, d.attachedAt AS attachedAt,
       coalesce(s.public, false) AS public

// query: text
// A stretch of a document's text; nothing unless the caller may read every document ($everyone) or the source is public.
MATCH (s:Source {id: $source})-[:HAS_DOCUMENT]->(d:Document)
WHERE $everyone OR coalesce(s.public, false)
RETURN substring(d.text, $start, $length) AS text

