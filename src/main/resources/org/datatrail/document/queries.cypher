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

// query: search
// Passages of attached documents matching a search, best first; journalists' searches ($everyone false) see public
// sources only. $lucene is built from the folded query (letters, digits and spaces only) and confined to the passages'
// folded text (`searchText:(...)`, as passage_search also indexes their `visibility`): every word must match, exactly
// or as a prefix. With each, the organisations it mentions (stored when its document was attached, kept
// right as organisations are recorded and renamed), in the order the passage first names them; the source and the
// organisations as nodes, so that the request needs no other statement.
CALL db.index.fulltext.queryNodes('passage_search', $lucene) YIELD node, score
MATCH (s:Source {id: node.source})
WHERE $everyone OR coalesce(s.public, false)
WITH node, s, score
ORDER BY score DESC, node.source, node.start
SKIP $offset LIMIT $first
RETURN s AS source, node.start AS start, node.end AS end, node.text AS text,
       COLLECT { MATCH (node)-[m:MENTIONS]->(o:Organisation) RETURN o ORDER BY m.at, o.id } AS mentions
