// Document search keeps journalists to public sources inside the full-text index, so that the index can stop at the
// page asked for (its `skip` and `limit`) instead of handing every hit to Cypher to filter and sort: each passage
// carries its source's visibility, (:Passage {visibility}), 'public' or 'private' (a string: a full-text index reads
// only strings), set when its document is attached and whenever its source's `public` is written, and passage_search
// indexes it beside the folded text. A journalist's query is then `searchText:(...) AND visibility:public`.
DROP INDEX passage_search IF EXISTS;
// Passages attached before this migration get their source's visibility now (a passage of a source that is not public,
// or of no source, is private).
MATCH (p:Passage)
CALL (p) {
  OPTIONAL MATCH (s:Source)-[:HAS_DOCUMENT]->(:Document)-[:HAS_PASSAGE]->(p)
  SET p.visibility = CASE WHEN coalesce(s.public, false) THEN 'public' ELSE 'private' END
} IN TRANSACTIONS OF 10000 ROWS;
CREATE FULLTEXT INDEX passage_search IF NOT EXISTS
FOR (n:Passage) ON EACH [n.searchText, n.visibility]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false } };
