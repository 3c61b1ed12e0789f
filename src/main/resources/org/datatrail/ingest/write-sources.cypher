// Sources: the publications that evidence quotes come from. A source is not public unless its record says so
// (journalists then read the quotes and their context, but not the whole of its attached document).
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
  ON CREATE SET s.recordedAt = datetime()
SET s.title = row.title, s.publisher = row.publisher, s.published = date(row.published),
    s.url = row.url, s.note = row.note, s.public = coalesce(row.public, false)
// A source's passages carry its visibility for document search (the full-text index passage_search filters
// journalists' searches on it): rewritten here, in the same transaction, when `public` changes.
WITH s, CASE WHEN s.public THEN 'public' ELSE 'private' END AS visibility
CALL (s, visibility) {
  MATCH (s)-[:HAS_DOCUMENT]->(:Document)-[:HAS_PASSAGE]->(p:Passage)
  WHERE p.visibility IS NULL OR p.visibility <> visibility
  SET p.visibility = visibility
}
