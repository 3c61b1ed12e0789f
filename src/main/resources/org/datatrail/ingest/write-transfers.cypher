// Transfers: (sender)-[:SENT]->(transfer)-[:TO]->(receiver), carrying a dataset for some purposes. Where the sources
// only bound the date, earliest and latest hold the bounds.
UNWIND $rows AS row
MERGE (t:Transfer {id: row.id})
  ON CREATE SET t:Fact, t.recordedAt = datetime()
SET t.date = date(row.date), t.recordCount = row.recordCount,
    t.recordCountIsLowerBound = coalesce(row.recordCountIsLowerBound, false), t.agreement = row.agreement,
    t.earliest = date(row.earliest), t.latest = date(row.latest), t.hedges = row.hedges
WITH t, row
CALL (t, row) {
  MATCH (o)-[r:SENT]->(t) WHERE o.id <> row.from DELETE r
}
CALL (t, row) {
  MATCH (o:Organisation {id: row.from})
  MERGE (o)-[:SENT]->(t)
}
CALL (t, row) {
  MATCH (t)-[r:TO]->(o) WHERE o.id <> row.to DELETE r
}
CALL (t, row) {
  MATCH (o:Organisation {id: row.to})
  MERGE (t)-[:TO]->(o)
}
CALL (t, row) {
  MATCH (t)-[r:CARRIES]->(d) WHERE d.id <> row.dataset DELETE r
}
CALL (t, row) {
  MATCH (d:Dataset {id: row.dataset})
  MERGE (t)-[:CARRIES]->(d)
}
CALL (t, row) {
  MATCH (t)-[r:FOR]->(p) WHERE NOT p.id IN row.purposes DELETE r
}
CALL (t, row) {
  UNWIND row.purposes AS purpose
  MATCH (p:Purpose {id: purpose})
  MERGE (t)-[:FOR]->(p)
}
CALL (t, row) {
  MATCH (t)-[r:ON_BEHALF_OF]->(o) WHERE row.onBehalfOf IS NULL OR o.id <> row.onBehalfOf DELETE r
}
CALL (t, row) {
  MATCH (o:Organisation {id: row.onBehalfOf})
  MERGE (t)-[:ON_BEHALF_OF]->(o)
}
