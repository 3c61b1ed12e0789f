// Run after every organisation of the input exists, so partOf may point forwards.
UNWIND $rows AS row
MATCH (o:Organisation {id: row.id})
CALL (o, row) {
  MATCH (o)-[r:PART_OF]->(p) WHERE row.partOf IS NULL OR p.id <> row.partOf DELETE r
}
CALL (o, row) {
  MATCH (p:Organisation {id: row.partOf})
  MERGE (o)-[:PART_OF]->(p)
}
