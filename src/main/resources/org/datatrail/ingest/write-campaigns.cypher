// Campaigns: who ran them, for what purposes, with which datasets, reaching whom.
UNWIND $rows AS row
MERGE (c:Campaign {id: row.id})
  ON CREATE SET c:Fact, c.recordedAt = datetime()
SET c.name = row.name, c.channel = row.channel, c.startDate = date(row.startDate), c.endDate = date(row.endDate),
    c.constituenciesTargeted = row.constituenciesTargeted, c.reach = row.reach, c.hedges = row.hedges
WITH c, row
CALL (c, row) {
  MATCH (o)-[r:RAN]->(c) WHERE o.id <> row.runBy DELETE r
}
CALL (c, row) {
  MATCH (o:Organisation {id: row.runBy})
  MERGE (o)-[:RAN]->(c)
}
CALL (c, row) {
  MATCH (c)-[r:FOR]->(p) WHERE NOT p.id IN row.purposes DELETE r
}
CALL (c, row) {
  UNWIND row.purposes AS purpose
  MATCH (p:Purpose {id: purpose})
  MERGE (c)-[:FOR]->(p)
}
CALL (c, row) {
  MATCH (c)-[r:USED]->(d) WHERE NOT d.id IN coalesce(row.datasets, []) DELETE r
}
CALL (c, row) {
  UNWIND coalesce(row.datasets, []) AS dataset
  MATCH (d:Dataset {id: dataset})
  MERGE (c)-[:USED]->(d)
}
