// Run after every purpose of the input exists, so includes may point forwards.
UNWIND $rows AS row
MATCH (p:Purpose {id: row.id})
CALL (p, row) {
  MATCH (p)-[r:INCLUDES]->(q) WHERE NOT q.id IN coalesce(row.includes, []) DELETE r
}
CALL (p, row) {
  UNWIND coalesce(row.includes, []) AS narrower
  MATCH (q:Purpose {id: narrower})
  MERGE (p)-[:INCLUDES]->(q)
}
