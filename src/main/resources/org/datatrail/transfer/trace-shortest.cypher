// The shortest chain between two organisations, whichever way the data went: the shorter of the
// shortest chain from $between to $and and the shortest from $and to $between.

// query: anchor
OPTIONAL MATCH (a:Organisation {id: $between})
OPTIONAL MATCH (b:Organisation {id: $and})
WITH a, b, [x IN [[$between, a], [$and, b]] WHERE x[1] IS NULL | x[0]] AS missing

// query: chains
// Inside a COLLECT subquery, after which Traces appends the shared filter, the order and the RETURN.
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MATCH SHORTEST 1 (a)((:Organisation)-[:SENT]->(t:Transfer)-[:TO]->(o:Organisation)){1,/*maxHops*/8}(b)
  RETURN t AS transfers, [a] + o AS orgs
  UNION
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MATCH SHORTEST 1 (b)((:Organisation)-[:SENT]->(t:Transfer)-[:TO]->(o:Organisation)){1,/*maxHops*/8}(a)
  RETURN t AS transfers, [b] + o AS orgs
}
WITH transfers, orgs
WHERE true
