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
// Passages of attached documents matching a search, best first (score, then source and offset); journalists' searches
// ($everyone false) see public sources only. $lucene is built from the folded query (letters, digits and spaces only)
// and confined to the passages' folded text (`searchText:(...)`): every word must match, exactly or as a prefix. The
// journalist's filter is part of the Lucene query (each passage carries its source's `visibility`, in the index: V008),
// so the index hands over only its best $limit hits (at least $offset + $first + 1) instead of every hit. Those are
// the right ones for the page unless passages tied on the score of the page's last passage go on past them: `complete`
// is false then, and the caller asks again with a larger $limit (the index's own order of tied hits is not kept from
// one limit to another, so the tie is broken here, by source and offset, among all of them). With each passage, the
// organisations it mentions (stored when its document was attached, kept right as organisations are recorded and
// renamed), in the order the passage first names them; the source and the organisations as nodes, so that the request
// needs no other statement.
CALL db.index.fulltext.queryNodes('passage_search',
       CASE WHEN $everyone THEN $lucene ELSE $lucene + ' AND visibility:public' END, {limit: $limit})
  YIELD node, score
WITH node, score
ORDER BY score DESC, node.source, node.start
WITH collect({node: node, score: score}) AS hits
WITH hits[$offset..$offset + $first] AS page,
     size(hits) < $limit OR hits[$offset + $first - 1].score > hits[size(hits) - 1].score AS complete
UNWIND range(0, size(page) - 1) AS rank
WITH complete, rank, page[rank].node AS node
MATCH (s:Source {id: node.source})
RETURN complete, s AS source, node.start AS start, node.end AS end, node.text AS text,
       COLLECT { MATCH (node)-[m:MENTIONS]->(o:Organisation) RETURN o ORDER BY m.at, o.id } AS mentions
ORDER BY rank
