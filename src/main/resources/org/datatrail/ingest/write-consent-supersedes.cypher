// Consent versions: (newer)-[:SUPERSEDES]->(the version it replaced), made to match the record. Run after every
// consent of the input exists, so supersedes may point forwards.
UNWIND $rows AS row
MATCH (c:Consent {id: row.id})
CALL (c, row) {
  MATCH (c)-[r:SUPERSEDES]->(o) WHERE row.supersedes IS NULL OR o.id <> row.supersedes DELETE r
}
CALL (c, row) {
  MATCH (o:Consent {id: row.supersedes})
  MERGE (c)-[:SUPERSEDES]->(o)
}
