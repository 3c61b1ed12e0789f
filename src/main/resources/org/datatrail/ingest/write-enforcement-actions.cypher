// Enforcement actions: (regulator)-[:TOOK]->(action)-[:AGAINST]->(organisation).
UNWIND $rows AS row
MERGE (a:EnforcementAction {id: row.id})
  ON CREATE SET a:Fact, a.recordedAt = datetime()
SET a.kind = row.kind, a.amount = toFloat(row.amount), a.currency = row.currency, a.date = date(row.date),
    a.legalFinding = row.legalFinding
WITH a, row
CALL (a, row) {
  MATCH (o)-[r:TOOK]->(a) WHERE o.id <> row.regulator DELETE r
}
CALL (a, row) {
  MATCH (o:Organisation {id: row.regulator})
  MERGE (o)-[:TOOK]->(a)
}
CALL (a, row) {
  MATCH (a)-[r:AGAINST]->(o) WHERE o.id <> row.against DELETE r
}
CALL (a, row) {
  MATCH (o:Organisation {id: row.against})
  MERGE (a)-[:AGAINST]->(o)
}
