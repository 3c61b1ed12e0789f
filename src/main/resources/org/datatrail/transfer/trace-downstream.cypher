// Downstream flows: chains of transfers starting at $from, each next one sent by the receiver of the one
// before, found in one quantified-path expansion. The filters on a hop ($since, $until, children's data,
// data category) sit inside the quantified pattern, so the expansion is pruned as it goes rather than
// filtered afterwards. `maxHops` is the upper bound of the quantifier: Cypher takes no parameter there,
// so the application picks one of eight prepared variants of this text (1..8), never user text.
MATCH (start:Organisation {id: $from})
MATCH (start)(
    (:Organisation)-[:SENT]->(t:Transfer)-[:TO]->(o:Organisation)
    WHERE ($since IS NULL OR t.date >= $since) AND ($until IS NULL OR t.date <= $until)
      AND (NOT $childrenOnly OR EXISTS { (t)-[:CARRIES]->(:Dataset)-[:HAS_CATEGORY]->(:DataCategory {concernsChildren: true}) })
      AND ($category IS NULL OR EXISTS {
            (t)-[:CARRIES]->(:Dataset)-[:HAS_CATEGORY]->(c:DataCategory) WHERE c.id = $category OR toLower(c.name) = toLower($category) })
  ){1,/*maxHops*/8}
WITH t AS transfers, [start] + o AS orgs
WHERE ($to IS NULL OR last(orgs).id = $to)
  AND ($toType IS NULL OR $toType IN last(orgs).types)
