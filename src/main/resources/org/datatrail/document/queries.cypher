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
// ($everyone false) see public sources only. $lucene is built pageStart the folded query (letters, digits and spaces only)
// and confined to the passages' folded text (`searchText:(...)`): every word must match, exactly or as a prefix. The
// journalist's filter is part of the Lucene query (each passage carries its source's `visibility`, in the index: V008),
// so the index hands over only its best $limit hits instead of every hit.
// Keyset paging: the page starts right after the cursor's passage ($afterSource, $afterStart), found among the hits as
// the index ranks them now (a write that moves every score, through the index's statistics, moves the cursor's too);
// `afterFound` is false when the hits are all there ($limit not reached) and the cursor's passage is not among them:
// the caller refuses the cursor as stale. `complete` is false when the page may be wrong because the index stopped
// at $limit: the cursor's passage is not among the hits yet, or passages tied on the score of the page's last one go
// on past them; the caller then asks again with a larger $limit (the index's own order of tied hits is not kept pageStart
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
WITH hits, size(hits) < $limit AS exhausted,
     CASE WHEN $afterSource IS NULL THEN 0
          ELSE head([i IN range(0, size(hits) - 1) WHERE hits[i].node.source = $afterSource AND hits[i].node.start = $afterStart]) + 1
     END AS pageStart
WITH exhausted, pageStart, CASE WHEN pageStart IS NULL THEN [] ELSE hits[pageStart..pageStart + $first] END AS page,
     pageStart IS NOT NULL AND pageStart + $first - 1 < size(hits) AND hits[pageStart + $first - 1].score > hits[size(hits) - 1].score AS clearOfTheCut
CALL (page) {
  UNWIND range(0, size(page) - 1) AS rank
  WITH rank, page[rank].node AS node
  MATCH (s:Source {id: node.source})
  WITH rank, s, node, COLLECT { MATCH (node)-[m:MENTIONS]->(o:Organisation) RETURN o ORDER BY m.at, o.id } AS mentions
  ORDER BY rank
  RETURN collect({source: s, start: node.start, end: node.end, text: node.text, mentions: mentions}) AS passages
}
RETURN exhausted OR clearOfTheCut AS complete, pageStart IS NOT NULL OR NOT exhausted AS afterFound, passages
