// query: trail
// Audit entries, newest first; only those that recorded $factId when it is given.
MATCH (a:AuditEntry)
WHERE $factId IS NULL OR EXISTS { (a)-[:RECORDED]->(:Fact {id: $factId}) }
RETURN toString(a.at) AS at, a.role AS role, a.tokenLabel AS tokenLabel, a.operation AS operation,
       a.recordIds AS recordIds, a.input AS input, a.nodesCreated AS nodesCreated,
       a.relationshipsCreated AS relationshipsCreated, a.relationshipsDeleted AS relationshipsDeleted
ORDER BY a.at DESC, a.id
SKIP $offset LIMIT $first
