// Disputes: a fact the sources disagree on, with every competing claim. Claims are only ever added:
// dropping one would resolve the disagreement silently.
UNWIND $rows AS row
MERGE (d:Dispute {id: row.id})
  ON CREATE SET d.recordedAt = datetime()
SET d.subject = row.subject, d.field = row.field, d.kind = coalesce(row.kind, 'DISAGREEMENT'), d.note = row.note
WITH d, row
CALL (d, row) {
  MATCH (d)-[r:ABOUT]->(f) WHERE f.id <> row.about DELETE r
}
CALL (d, row) {
  MATCH (f:Fact {id: row.about})
  MERGE (d)-[:ABOUT]->(f)
}
CALL (d, row) {
  UNWIND row.claims AS claim
  MERGE (c:Claim {id: claim.id})
    ON CREATE SET c:Fact, c.recordedAt = datetime()
  SET c.value = claim.value, c.note = claim.note
  MERGE (d)-[:HAS_CLAIM]->(c)
}
