// query: trail
// Audit entries, newest first, then by id (a random UUID, unique), so the order is total and fixed: an entry's time
// and id never change. Keyset paging after the entry ($afterAt, $afterId): a write made meanwhile is newer than
// every entry already seen, so it never shifts the pages still to come. Only those that recorded $factId when it is
// given.
MATCH (a:AuditEntry)
WHERE ($factId IS NULL OR EXISTS { (a)-[:RECORDED]->(:Fact {id: $factId}) })
  AND ($afterAt IS NULL OR a.at < $afterAt OR (a.at = $afterAt AND a.id < $afterId))
RETURN toString(a.at) AS atText, a.at AS at, a.id AS id, a.role AS role, a.tokenLabel AS tokenLabel, a.operation AS operation,
       a.recordIds AS recordIds, a.input AS input, a.nodesCreated AS nodesCreated,
       a.relationshipsCreated AS relationshipsCreated, a.relationshipsDeleted AS relationshipsDeleted
ORDER BY a.at DESC, a.id DESC
LIMIT $first
