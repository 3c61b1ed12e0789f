// title: Unlinked mentions
// answers: Leads not yet recorded: organisations named (by name or alias) in a source's attached document that no fact citing that source mentions (neither the fact itself nor directly linked to it: a transfer's sender or receiver, a dataset's holder, a consent's issuer, a campaign's runner, an enforcement action's regulator or target, an event's organisations).
// param: source Source = null -- only this source (id)
// (the mentions are those document search shows: stored as (:Passage)-[:MENTIONS]->(:Organisation) when a document is
// attached, and kept right as organisations are recorded and renamed)
MATCH (s:Source)-[:HAS_DOCUMENT]->(:Document)-[:HAS_PASSAGE]->(p:Passage)-[:MENTIONS]->(o:Organisation)
WHERE $source IS NULL OR s.id = $source
WITH s, o, count(p) AS passages, min(p.start) AS firstAt
WHERE NOT EXISTS {
  MATCH (s)<-[:CITES]-(:Evidence)<-[:SUPPORTED_BY]-(f:Fact)
  WHERE f = o OR EXISTS { (f)--(o) }
}
RETURN s.id AS source, s.title AS title, o.id AS organisation, o.name AS name, passages, firstAt
ORDER BY source, firstAt, organisation
