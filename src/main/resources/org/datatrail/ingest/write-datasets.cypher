// Datasets: who holds them, what they contain, whom they (and each of their categories) are about, when and under which consents they were collected.
UNWIND $rows AS row
MERGE (d:Dataset {id: row.id})
  ON CREATE SET d:Fact, d.recordedAt = datetime()
SET d.name = row.name, d.subjectGroups = row.subjectGroups,
    d.collectionChannels = coalesce(row.collectionChannels, []), d.collectedFrom = date(row.collectedFrom),
    d.collectedUntil = date(row.collectedUntil), d.hedges = row.hedges
WITH d, row
CALL (d, row) {
  MATCH (o)-[r:HOLDS]->(d) WHERE o.id <> row.heldBy DELETE r
}
CALL (d, row) {
  MATCH (o:Organisation {id: row.heldBy})
  MERGE (o)-[:HOLDS]->(d)
}
CALL (d, row) {
  MATCH (d)-[r:HAS_CATEGORY]->(c) WHERE NOT c.id IN row.dataCategories DELETE r
}
// Which subject groups each category is about, where the record says: the relationship's `about`, removed (null) where
// it does not, so a dataset recorded again keeps only the pairings it now gives.
CALL (d, row) {
  UNWIND row.dataCategories AS category
  MATCH (c:DataCategory {id: category})
  MERGE (d)-[r:HAS_CATEGORY]->(c)
  SET r.about = [p IN coalesce(row.categoriesAbout, []) WHERE p.category = category | p.subjectGroups][0]
}
CALL (d, row) {
  MATCH (d)-[r:COLLECTED_UNDER]->(c) WHERE NOT c.id IN coalesce(row.consents, []) DELETE r
}
CALL (d, row) {
  UNWIND coalesce(row.consents, []) AS consent
  MATCH (c:Consent {id: consent})
  MERGE (d)-[:COLLECTED_UNDER]->(c)
}
