// The steps of a trace's expansion, one transfer at a time, filled in by TraceStatements with the application's own
// variable names (never user text). Every step keeps the transfers that pass the hop filter, and, for a trace that
// follows the data, only those that carry on the data the chain delivered (lineage.cypher): the lineage rule prunes
// the expansion, it is not a filter applied to organisation chains afterwards.

// query: since
// The hop filter is written from the parts a request uses (TraceStatements): a statement carries only the filters
// its request set, so the planner is not made to plan the subqueries of unused ones at every hop of every length.
// The ends of SENT and TO are not labelled: SENT always leads to a Transfer and TO to an Organisation (the write path
// makes no other). $since, on a transfer /*t*/:
/*t*/.date >= $since

// query: until
/*t*/.date <= $until

// query: children
// Children's data only.
EXISTS { (/*t*/)-[:CARRIES]->(:Dataset)-[:HAS_CATEGORY]->(:DataCategory {concernsChildren: true}) }

// query: category
// One data category, by id or name.
EXISTS { (/*t*/)-[:CARRIES]->(:Dataset)-[:HAS_CATEGORY]->(hc:DataCategory) WHERE hc.id = $category OR toLower(hc.name) = toLower($category) }

// query: next-any
// One step forwards from /*from*/ for a trace of organisation chains (follow: CONNECTION): its transfers in id order,
// each with its receiver /*r*/; the projection labels the chains afterwards.
CALL (/*from*/) {
  MATCH (/*from*/)-[:SENT]->(t)
  WHERE /*filter*/
  WITH t ORDER BY t.id
  MATCH (t)-[:TO]->(r)
  RETURN t AS /*t*/, r AS /*r*/
}

// query: next
// One step forwards from /*from*/, which received /*data*/ no earlier than /*lo*/: the transfers it sent that carried
// that data or data it made from it (/*carry*/, `derived` of /*from*/ and /*data*/, computed once before the step),
// in id order (so the chains of one length come out in the order of their transfer ids, and LIMIT stops the walk at
// the page's last chain), each with its receiver /*r*/, its dataset /*d*/ and the new bound /*lo2*/. The step starts
// from the data, not from /*from*/: a hub sends thousands of transfers, a dataset is carried by a few.
CALL (/*from*/, /*carry*/, /*lo*/) {
  UNWIND /*carry*/ AS lc
  WITH DISTINCT lc.d AS x
  MATCH (x)<-[:CARRIES]-(t)
  WHERE EXISTS { (/*from*/)-[:SENT]->(t) } AND /*filter*/
  WITH t, x ORDER BY t.id
  MATCH (t)-[:TO]->(r)
  WITH t, r, x, /*bounds*/ AS bounds
  WHERE size(bounds) > 0
  RETURN t AS /*t*/, r AS /*r*/, x AS /*d*/, /*later*/ AS /*lo2*/
}

// query: previous
// One step backwards to /*to*/, which sent on /*data*/ no later than /*hi*/: the transfers it received that carried
// that data or data it can have made it from (/*carry*/, `sources` of /*to*/ and /*data*/), each with its sender
// /*s*/, its dataset /*d*/ and the new bound /*hi2*/. Like `next`, the step starts from the data.
CALL (/*to*/, /*carry*/, /*hi*/) {
  UNWIND /*carry*/ AS lc
  WITH DISTINCT lc.d AS x
  MATCH (x)<-[:CARRIES]-(t)
  WHERE EXISTS { (t)-[:TO]->(/*to*/) } AND /*filter*/
  MATCH (s)-[:SENT]->(t)
  WITH s, t, x, /*bounds*/ AS bounds
  WHERE size(bounds) > 0
  RETURN t AS /*t*/, s AS /*s*/, x AS /*d*/, /*earlier*/ AS /*hi2*/
}

// query: previous-any
// One step backwards to /*to*/ for a trace of organisation chains (follow: CONNECTION): the transfers it received, each
// with its sender /*s*/.
CALL (/*to*/) {
  MATCH (s)-[:SENT]->(t)-[:TO]->(/*to*/)
  WHERE /*filter*/
  RETURN t AS /*t*/, s AS /*s*/
}

// query: end
// Where a chain must end ($to, $toType), on `orgs`.
WHERE ($to IS NULL OR last(orgs).id = $to) AND ($toType IS NULL OR $toType IN last(orgs).types)

// query: purpose
// The purpose filter, written in only when the request sets $purpose, on `transfers`, the last receiver /*org*/ and
// the data the chain delivered /*data*/: a chain is kept when one of its transfers was for $purpose, or the last
// receiver ran a campaign for it with that data (or data it made from it). Dates are not
// weighed here: the verdict lists a campaign only where no date contradicts its use.
WHERE any(px IN transfers WHERE EXISTS { (px)-[:FOR]->(:Purpose {id: $purpose}) })
   OR EXISTS {
        MATCH (/*org*/)-[:RAN]->(pc:Campaign)-[:FOR]->(:Purpose {id: $purpose})
        MATCH (pc)-[:USED]->(pu:Dataset)
        WHERE pu = /*data*/ OR EXISTS {
          MATCH pp = (pu)<-[:FEEDS|INTO*2..16]-(/*data*/)
          WHERE all(pn IN nodes(pp)[..-1] WHERE pn:Derivation OR (/*org*/)-[:HOLDS]->(pn)) } }
