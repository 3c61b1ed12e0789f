// Downstream flows: chains of transfers starting at $from, each next one sent by the receiver of the one
// before. One statement: the anchor, then one subquery per chain length, shortest first (see Traces), each of
// which runs only while the page is not yet full, so a page that fills up with short chains never expands the
// long ones. The filters on a hop ($since, $until, children's data, data category) sit inside the quantified
// pattern, so the expansion is pruned as it goes.

// query: anchor
// `missing` names the organisations the request asked for that do not exist (the caller reports them).
OPTIONAL MATCH (anchor:Organisation {id: $from})
WITH anchor, [id IN [$from, $to] WHERE id IS NOT NULL AND NOT EXISTS { MATCH (:Organisation {id: id}) }] AS missing, [] AS found

// query: level
// The chains of exactly /*hops*/ transfers; Cypher takes no parameter in a quantifier, so the application
// writes the literal in, never user text.
MATCH (anchor)(
    (:Organisation)-[:SENT]->(t:Transfer)-[:TO]->(o:Organisation)
    WHERE ($since IS NULL OR t.date >= $since) AND ($until IS NULL OR t.date <= $until)
      AND (NOT $childrenOnly OR EXISTS { (t)-[:CARRIES]->(:Dataset)-[:HAS_CATEGORY]->(:DataCategory {concernsChildren: true}) })
      AND ($category IS NULL OR EXISTS {
            (t)-[:CARRIES]->(:Dataset)-[:HAS_CATEGORY]->(c:DataCategory) WHERE c.id = $category OR toLower(c.name) = toLower($category) })
  ){/*hops*/}
WITH t AS transfers, [anchor] + o AS orgs
WHERE ($to IS NULL OR last(orgs).id = $to)
  AND ($toType IS NULL OR $toType IN last(orgs).types)
