// One audit entry per accepted write, in the write's own transaction: who (role and token label, never
// the token), when, what operation, which records (a dataset's derivations are records of their own), and what it
// did to the graph (a derivation no longer listed is deleted, hence nodesDeleted).
CREATE (a:AuditEntry {
  id: randomUUID(), at: datetime(), role: $role, tokenLabel: $label, operation: $operation, recordIds: $ids,
  input: $input, nodesCreated: $nodesCreated, nodesDeleted: $nodesDeleted, relationshipsCreated: $relationshipsCreated,
  relationshipsDeleted: $relationshipsDeleted })
WITH a
UNWIND $ids AS id
MATCH (f:Fact {id: id})
MERGE (a)-[:RECORDED]->(f)
