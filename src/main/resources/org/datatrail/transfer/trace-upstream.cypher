// Upstream flows: chains of transfers ending at $to, read in the direction the data moved; the
// expansion starts from $to (the planner anchors the quantified pattern on the bound end).
MATCH (end:Organisation {id: $to})
MATCH (o:Organisation)(
    (:Organisation)-[:SENT]->(t:Transfer)-[:TO]->(r:Organisation)
    WHERE ($since IS NULL OR t.date >= $since) AND ($until IS NULL OR t.date <= $until)
  ){1,/*maxHops*/8}(end)
WITH t AS transfers, [o] + r AS orgs
WHERE true
