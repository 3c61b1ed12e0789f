// Downstream flows: chains of transfers starting at $from, each next one sent by the receiver of the one
// before, shortest first and, within a length, in the order of their transfer ids. One statement: the anchor,
// then one subquery per chain length (see Traces), each of which runs only while the page is not yet full.
//
// A subquery reads its chains in order instead of finding them all and sorting: hop by hop, each
// organisation's transfers sorted by id, depth first, so the chains come out in the order of their transfer
// ids and the subquery stops at the page's last chain. Around a broker that sends 10,000 transfers, a page
// costs one sort of that broker's transfers, not the 10,000 chains through it (or the millions of longer ones).

// query: anchor
// `missing` names the organisations the request asked for that do not exist (the caller reports them).
OPTIONAL MATCH (anchor:Organisation {id: $from})
WITH anchor, [id IN [$from, $to] WHERE id IS NOT NULL AND NOT EXISTS { MATCH (:Organisation {id: id}) }] AS missing, [] AS found

// query: hop
// One hop from /*from*/: its transfers that pass the hop filters ($since, $until, children's data, data
// category), in id order, each with its receiver. The application writes in the variable names, never user
// text. The ends are not labelled: SENT always leads to a Transfer and TO to an Organisation (the write path
// makes no other), and a label check on each of a broker's transfers was about a tenth of a hop's cost.
CALL (/*from*/) {
  MATCH (/*from*/)-[:SENT]->(t)
  WHERE ($since IS NULL OR t.date >= $since) AND ($until IS NULL OR t.date <= $until)
    AND (NOT $childrenOnly OR EXISTS { (t)-[:CARRIES]->(:Dataset)-[:HAS_CATEGORY]->(:DataCategory {concernsChildren: true}) })
    AND ($category IS NULL OR EXISTS {
          (t)-[:CARRIES]->(:Dataset)-[:HAS_CATEGORY]->(c:DataCategory) WHERE c.id = $category OR toLower(c.name) = toLower($category) })
  WITH t ORDER BY t.id
  MATCH (t)-[:TO]->(o)
  RETURN t AS /*t*/, o AS /*o*/
}

// query: end
// Where the chain must end.
WHERE ($to IS NULL OR last(orgs).id = $to)
  AND ($toType IS NULL OR $toType IN last(orgs).types)
