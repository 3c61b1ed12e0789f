// Which of these ids already name something in the graph, and what kind of thing (its main label).
// One indexed look-up per label: no label-less scan, whatever the size of the graph.
UNWIND $ids AS id
OPTIONAL MATCH (f:Fact {id: id})
OPTIONAL MATCH (s:Source {id: id})
OPTIONAL MATCH (p:Purpose {id: id})
OPTIONAL MATCH (c:DataCategory {id: id})
OPTIONAL MATCH (d:Dispute {id: id})
WITH id, coalesce(f, s, p, c, d) AS n
WHERE n IS NOT NULL
RETURN id, [label IN labels(n) WHERE label <> 'Fact'][0] AS kind
