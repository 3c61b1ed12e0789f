// The shortest chain between two organisations, whichever way the data went: the shorter of the
// shortest chain from $between to $and and the shortest from $and to $between.
MATCH (a:Organisation {id: $between}), (b:Organisation {id: $and})
CALL (a, b) {
  MATCH SHORTEST 1 (a)((:Organisation)-[:SENT]->(t:Transfer)-[:TO]->(o:Organisation)){1,/*maxHops*/8}(b)
  RETURN t AS transfers, [a] + o AS orgs
  UNION
  MATCH SHORTEST 1 (b)((:Organisation)-[:SENT]->(t:Transfer)-[:TO]->(o:Organisation)){1,/*maxHops*/8}(a)
  RETURN t AS transfers, [b] + o AS orgs
}
WITH transfers, orgs
WHERE true
