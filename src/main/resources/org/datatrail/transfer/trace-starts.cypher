// Where each kind of trace starts. Every start binds `missing` (the ids the request named that do not exist; the
// application reports them), an empty `found`, and its own anchor.

// query: from
// traceFlows: from an organisation, and (optionally) to one.
OPTIONAL MATCH (o0:Organisation {id: $from})
WITH o0, [id IN [$from, $to] WHERE id IS NOT NULL AND NOT EXISTS { MATCH (:Organisation {id: id}) }] AS missing, [] AS found

// query: first
// The first step of traceFlows: the transfers /*from*/ sent, in id order.
CALL (o0) {
  MATCH (o0)-[:SENT]->(t)
  WHERE /*filter*/
  WITH t ORDER BY t.id
  MATCH (t)-[:TO]->(r), (t)-[:CARRIES]->(x)
  RETURN t AS t1, r AS o1, x AS d1, /*loT*/ AS lo1, $dawn AS start
}

// query: dataset
// traceDataset: from a dataset. `lineage` is the dataset and every dataset made from it (through derivations
// anywhere, whose dated steps are in order), each with the latest date of its derivations on its best path (m):
// the earliest the derived data can have existed.
OPTIONAL MATCH (root:Dataset {id: $dataset})
WITH root, CASE WHEN root IS NULL THEN [$dataset] ELSE [] END AS missing, [] AS found
WITH missing, found, CASE WHEN root IS NULL THEN [] ELSE [{d: root, m: $dawn}] + COLLECT {
  MATCH lp = (root)-[:FEEDS|INTO*2..16]->(lz:Dataset)
  WITH lz, [ln IN nodes(lp) WHERE ln:Derivation AND ln.date IS NOT NULL | ln.date] AS ldates
  WHERE all(lj IN range(1, size(ldates) - 1) WHERE ldates[lj - 1] <= ldates[lj])
  WITH lz, min(coalesce(last(ldates), $dawn)) AS m
  RETURN {d: lz, m: m}
} END AS lineage

// query: dataset-first
// The first step of traceDataset: every transfer that carried the dataset or data made from it, not before that
// data existed, and sent by an organisation that had not received any of that data by an earlier (or undated)
// transfer: those later transfers are the onward steps of the chains that brought the data there. In id order.
// (`arrivals`, where and from when that data was received, is read from the data, not from each sender's transfers
// in: a hub receives thousands.)
CALL (lineage) {
  WITH lineage, COLLECT {
    UNWIND lineage AS la
    WITH la.d AS y
    MATCH (y)<-[:CARRIES]-(t0:Transfer)-[:TO]->(r)
    RETURN {o: r, lo: coalesce(t0.date, t0.earliest, $dawn)} AS arrival
  } AS arrivals
  UNWIND lineage AS start
  WITH arrivals, start.d AS x, start.m AS m
  MATCH (s)-[:SENT]->(t)-[:CARRIES]->(x)
  WHERE /*hiT*/ >= m AND /*filter*/
    AND NOT any(a IN arrivals WHERE a.o = s AND a.lo <= /*hiT*/)
  WITH s, t, x, m ORDER BY t.id
  MATCH (t)-[:TO]->(r)
  RETURN s AS o0, t AS t1, r AS o1, x AS d1, CASE WHEN m > /*loT*/ THEN m ELSE /*loT*/ END AS lo1, m AS start
}

// query: to
// upstream: to an organisation.
OPTIONAL MATCH (anchor:Organisation {id: $to})
WITH anchor, [id IN [$to] WHERE NOT EXISTS { MATCH (:Organisation {id: id}) }] AS missing, [] AS found

// query: last
// The last step of an upstream chain of /*n*/ transfers: the transfers /*to*/ received.
CALL (/*to*/) {
  MATCH (s)-[:SENT]->(t)-[:TO]->(/*to*/)
  WHERE /*filter*/
  MATCH (t)-[:CARRIES]->(x)
  RETURN t AS /*t*/, s AS /*s*/, x AS /*d*/, /*hiT*/ AS /*hi*/
}

// query: between
// shortestFlow: between two organisations, either way round.
OPTIONAL MATCH (a:Organisation {id: $between})
OPTIONAL MATCH (b:Organisation {id: $and})
WITH a, b, [x IN [[$between, a], [$and, b]] WHERE x[1] IS NULL | x[0]] AS missing

// query: shortest
// The shortest chain each way (SHORTEST on the organisation graph: is there any connection at all?); the projection
// then labels it by the lineage rule like any other chain. Kept in a COLLECT so that `missing` comes back without one.
WITH missing, COLLECT {
  CALL (a, b) {
    WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL
    MATCH SHORTEST 1 (a)((:Organisation)-[:SENT]->(t:Transfer)-[:TO]->(o:Organisation)){1,/*maxHops*/}(b)
    RETURN t AS transfers, [a] + o AS orgs
    UNION
    WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL
    MATCH SHORTEST 1 (b)((:Organisation)-[:SENT]->(t:Transfer)-[:TO]->(o:Organisation)){1,/*maxHops*/}(a)
    RETURN t AS transfers, [b] + o AS orgs
  }
  WITH transfers, orgs WHERE all(i IN range(0, size(orgs) - 2) WHERE NOT orgs[i] IN orgs[i + 1..])
  WITH transfers, orgs ORDER BY size(transfers), [x IN transfers | x.id]
  RETURN {transfers: transfers, orgs: orgs, start: $dawn}
}[0..1] AS found
