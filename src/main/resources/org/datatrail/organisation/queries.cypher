// Queries of the organisation feature. Relation queries take $ids and return `source` and `targets`.

// query: search
// Full-text search over folded names and aliases; each word must match, exactly or as a prefix, and exact
// words rank higher. $lucene is built from the folded query (letters, digits and spaces only). Best score first,
// then by name, then by id (unique, so the order is total). Keyset paging after the organisation $afterId: its
// score is read again from the index in this statement, so it compares exactly (the same float) with the others'
// and a write that moves every score (index statistics) moves the cursor's too. `afterFound` is false when
// $afterId no longer matches $lucene: the caller refuses the cursor as stale.
OPTIONAL CALL () {
  CALL db.index.fulltext.queryNodes('organisation_search', $lucene) YIELD node, score
  WHERE node.id = $afterId
  RETURN score AS afterScore, node.name AS afterName
  LIMIT 1
}
OPTIONAL CALL (afterScore, afterName) {
  CALL db.index.fulltext.queryNodes('organisation_search', $lucene) YIELD node, score
  WHERE $afterId IS NULL OR score < afterScore
     OR (score = afterScore AND (node.name > afterName OR (node.name = afterName AND node.id > $afterId)))
  WITH node, score ORDER BY score DESC, node.name, node.id LIMIT $first
  RETURN collect(node) AS organisations
}
RETURN $afterId IS NULL OR afterScore IS NOT NULL AS afterFound, coalesce(organisations, []) AS organisations

// query: organisation
MATCH (organisation:Organisation {id: $id})
RETURN organisation

// query: partOf
UNWIND $ids AS id
MATCH (:Organisation {id: id})-[:PART_OF]->(p:Organisation)
RETURN id AS source, collect(p.id) AS targets

// query: datasets
UNWIND $ids AS id
MATCH (:Organisation {id: id})-[:HOLDS]->(d:Dataset)
WITH id, d ORDER BY d.name
RETURN id AS source, collect(d.id) AS targets

// query: campaigns
UNWIND $ids AS id
MATCH (:Organisation {id: id})-[:RAN]->(c:Campaign)
WITH id, c ORDER BY c.startDate, c.name
RETURN id AS source, collect(c.id) AS targets

// query: enforcementActions
UNWIND $ids AS id
MATCH (a:EnforcementAction)-[:AGAINST]->(:Organisation {id: id})
WITH DISTINCT id, a ORDER BY a.date, a.id
RETURN id AS source, collect(a.id) AS targets

// query: transfersPage
// One page of each organisation's transfers in one direction, oldest first (undated last), after the
// transfer named by the page's cursor (keyset paging: no SKIP over a hub's 100k transfers). `afterFound` is false
// when the cursor names a transfer that is not (or no longer) in this list: the caller refuses it rather than
// start again at the first page.
UNWIND $keys AS key
OPTIONAL MATCH (a:Transfer {id: key.after})
  WHERE (key.outgoing AND EXISTS { (:Organisation {id: key.organisation})-[:SENT]->(a) })
     OR (NOT key.outgoing AND EXISTS { (a)-[:TO]->(:Organisation {id: key.organisation}) })
WITH key, coalesce(a.date, date('9999-12-31')) AS afterDate, a.id AS afterId
// OPTIONAL: a page with no transfers after the cursor still answers a row, with its afterFound
OPTIONAL CALL (key, afterDate, afterId) {
  CALL (key) {
    MATCH (:Organisation {id: key.organisation})-[:SENT]->(t:Transfer) WHERE key.outgoing RETURN t
    UNION
    MATCH (t:Transfer)-[:TO]->(:Organisation {id: key.organisation}) WHERE NOT key.outgoing RETURN t
  }
  WITH t, coalesce(t.date, date('9999-12-31')) AS d
  WHERE key.after IS NULL OR d > afterDate OR (d = afterDate AND t.id > afterId)
  WITH t, d ORDER BY d, t.id
  // LIMIT takes no per-row value, so the page is cut from the ordered list
  RETURN collect(t.id)[..key.first] AS transfers
}
RETURN key.organisation AS organisation, key.outgoing AS outgoing, key.after AS after, key.first AS first,
       coalesce(transfers, []) AS transfers,
       key.after IS NULL OR afterId IS NOT NULL AS afterFound
