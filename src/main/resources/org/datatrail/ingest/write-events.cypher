// Events: dated happenings that are not transfers, campaigns or enforcement (a deletion, an election...).
UNWIND $rows AS row
MERGE (e:Event {id: row.id})
  ON CREATE SET e:Fact, e.recordedAt = datetime()
SET e.kind = row.kind, e.description = row.description, e.date = date(row.date), e.hedges = row.hedges
WITH e, row
CALL (e, row) {
  MATCH (e)-[r:INVOLVES]->(o) WHERE NOT o.id IN row.organisations DELETE r
}
CALL (e, row) {
  UNWIND row.organisations AS organisation
  MATCH (o:Organisation {id: organisation})
  MERGE (e)-[:INVOLVES]->(o)
}
CALL (e, row) {
  MATCH (e)-[r:CONCERNS]->(d) WHERE NOT d.id IN coalesce(row.datasets, []) DELETE r
}
CALL (e, row) {
  UNWIND coalesce(row.datasets, []) AS dataset
  MATCH (d:Dataset {id: dataset})
  MERGE (e)-[:CONCERNS]->(d)
}
