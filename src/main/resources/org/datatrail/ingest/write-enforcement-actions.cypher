// Enforcement actions: (regulator)-[:TOOK]->(action)-[:AGAINST]->(organisation). status (ANNOUNCED, ONGOING, TAKEN,
// WITHDRAWN) stays null where the sources do not say: it is never defaulted.
UNWIND $rows AS row
MERGE (a:EnforcementAction {id: row.id})
  ON CREATE SET a:Fact, a.recordedAt = datetime()
SET a.kind = row.kind, a.amount = toFloat(row.amount), a.currency = row.currency, a.date = date(row.date),
    a.legalFinding = row.legalFinding, a.status = row.status, a.hedges = row.hedges
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
