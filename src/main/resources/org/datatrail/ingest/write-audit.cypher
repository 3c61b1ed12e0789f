// One audit entry per accepted write, in the write's own transaction: who (role and token label, never
// the token), when, what operation, which records, and what it did to the graph.
CREATE (a:AuditEntry {
  id: randomUUID(), at: datetime(), role: $role, tokenLabel: $label, operation: $operation, recordIds: $ids,
  input: $input, nodesCreated: $nodesCreated, relationshipsCreated: $relationshipsCreated,
  relationshipsDeleted: $relationshipsDeleted })
WITH a
UNWIND $ids AS id
MATCH (f:Fact {id: id})
MERGE (a)-[:RECORDED]->(f)
