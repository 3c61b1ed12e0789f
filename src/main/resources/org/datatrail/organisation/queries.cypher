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

// The members of the organisation's paged lists (org.datatrail.system.PagedList): given `key`, each `item` of
// key.parent's list and its `sortKey` (no element null; the last one unique).

// query: datasetsPage
// Organisation.datasets: by name, then id.
MATCH (:Organisation {id: key.parent})-[:HOLDS]->(item:Dataset)
RETURN item, [coalesce(item.name, ''), item.id] AS sortKey

// query: campaignsPage
// Organisation.campaigns: by start date (undated last), then name, then id.
MATCH (:Organisation {id: key.parent})-[:RAN]->(item:Campaign)
RETURN item, [coalesce(item.startDate, date('9999-12-31')), coalesce(item.name, ''), item.id] AS sortKey

// query: enforcementActionsPage
// Organisation.enforcementActions (those taken against it): by date (undated last), then id.
MATCH (item:EnforcementAction)-[:AGAINST]->(:Organisation {id: key.parent})
WITH DISTINCT item
RETURN item, [coalesce(item.date, date('9999-12-31')), item.id] AS sortKey

// query: transfersOutPage
// Organisation.transfersOut: oldest first (undated last), then id; the same order as transfersIn, so a transfer's
// cursor means the same place in its sender's and its receiver's lists.
MATCH (:Organisation {id: key.parent})-[:SENT]->(item:Transfer)
RETURN item, [coalesce(item.date, date('9999-12-31')), item.id] AS sortKey

// query: transfersInPage
// Organisation.transfersIn: oldest first (undated last), then id.
MATCH (item:Transfer)-[:TO]->(:Organisation {id: key.parent})
RETURN item, [coalesce(item.date, date('9999-12-31')), item.id] AS sortKey
