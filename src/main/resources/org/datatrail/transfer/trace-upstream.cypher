// Upstream flows: chains of transfers ending at $to, read in the direction the data moved, one subquery per
// length, shortest first (see Traces); the expansion starts from $to (the planner anchors the quantified
// pattern on the bound end).

// query: anchor
OPTIONAL MATCH (anchor:Organisation {id: $to})
WITH anchor, [id IN [$to] WHERE NOT EXISTS { MATCH (:Organisation {id: id}) }] AS missing, [] AS found

// query: level
MATCH (o:Organisation)(
    (:Organisation)-[:SENT]->(t:Transfer)-[:TO]->(r:Organisation)
    WHERE ($since IS NULL OR t.date >= $since) AND ($until IS NULL OR t.date <= $until)
  ){/*hops*/}(anchor)
WITH t AS transfers, [o] + r AS orgs
WHERE true
