// The lineage rule: when a transfer carries on the data an earlier transfer delivered. Written once here and
// spliced by TraceStatements into every trace (the expansion prunes by it) and into the projection (which labels
// every chain by it), so the chains a trace keeps and the basis it reports cannot disagree.
//
// Hop k+1 follows hop k when it moved the dataset hop k moved, or a dataset the receiver of hop k made from it
// (through derivations, each step held by that receiver), and no known date says that hop k+1, or one of those
// derivations, happened before the data had arrived. Dates run through a chain as a bound: `lo`, the earliest the
// data can have reached the current organisation (walking forwards), or `hi`, the latest it can have left it
// (walking backwards). A transfer spans [coalesce(date, earliest), coalesce(date, latest)]; unknown ends are the
// sentinels $dawn and $doom (the smallest and largest dates), which keeps every comparison total.
//
// Placeholders /*name*/ are filled in by the application with variable names or expressions it writes itself,
// never with user text.

// query: derived
// The data /*holder*/ can pass on as /*data*/: that dataset itself, and every dataset it made from it, each with
// the first (f) and last (m) known date of the derivations that made it ($doom and $dawn when none is dated).
// A derivation is (source)-[:FEEDS]->(:Derivation)-[:INTO]->(made), so a way from one dataset to another is a path
// along FEEDS|INTO; every dataset made on it must be held by /*holder*/, and a way whose dated steps are out of order
// is no way. (A variable-length pattern, not a quantified path pattern: the planner plans it in a fraction of the
// time, which matters in a statement that repeats it at every hop of every chain length.)
[{d: /*data*/, f: $doom, m: $dawn}] + [lw IN [lp = (/*data*/)-[:FEEDS|INTO*2..16]->(lz:Dataset)
      WHERE all(ln IN nodes(lp)[1..] WHERE ln:Derivation OR (/*holder*/)-[:HOLDS]->(ln))
      | {d: lz, dates: [ln IN nodes(lp) WHERE ln:Derivation AND ln.date IS NOT NULL | ln.date]}]
  WHERE all(lj IN range(1, size(lw.dates) - 1) WHERE lw.dates[lj - 1] <= lw.dates[lj])
  | {d: lw.d, f: coalesce(lw.dates[0], $doom), m: coalesce(last(lw.dates), $dawn)}]

// query: sources
// The mirror of `derived`, for walking backwards: the data that /*holder*/ can have made /*data*/ from: that dataset
// itself, and every dataset it was made from through derivations whose every product /*holder*/ holds.
[{d: /*data*/, f: $doom, m: $dawn}] + [lw IN [lp = (lz:Dataset)-[:FEEDS|INTO*2..16]->(/*data*/)
      WHERE all(ln IN nodes(lp)[1..] WHERE ln:Derivation OR (/*holder*/)-[:HOLDS]->(ln))
      | {d: lz, dates: [ln IN nodes(lp) WHERE ln:Derivation AND ln.date IS NOT NULL | ln.date]}]
  WHERE all(lj IN range(1, size(lw.dates) - 1) WHERE lw.dates[lj - 1] <= lw.dates[lj])
  | {d: lw.d, f: coalesce(lw.dates[0], $doom), m: coalesce(last(lw.dates), $dawn)}]

// query: between
// The ways /*from*/ can have become /*to*/ at /*holder*/ (each with f and m as in `derived`): the same dataset, or a
// derivation path. The three are variables. Used to label a chain that is already known, and a campaign's use of
// the data. The path is read backwards, from /*to*/: a dataset is made from a few sources, while a supplier's list
// can feed thousands of merges elsewhere (at size L, reading forwards cost a party's upstream trace 148,250 db hits
// for 250 campaign checks; backwards, 3,200).
CASE WHEN /*from*/ = /*to*/ THEN [{f: $doom, m: $dawn}] ELSE [] END + [lw IN [lp = (/*to*/)<-[:FEEDS|INTO*2..16]-(/*from*/)
      WHERE all(ln IN nodes(lp)[..-1] WHERE ln:Derivation OR (/*holder*/)-[:HOLDS]->(ln))
      | reverse([ln IN nodes(lp) WHERE ln:Derivation AND ln.date IS NOT NULL | ln.date])]
  WHERE all(lj IN range(1, size(lw) - 1) WHERE lw[lj - 1] <= lw[lj])
  | {f: coalesce(lw[0], $doom), m: coalesce(last(lw), $dawn)}]

// query: bounds
// Walking forwards, with the data arrived no earlier than /*lo*/: for each way in /*ways*/ that no date contradicts
// (no derivation before /*lo*/, and a next step ending no earlier than /*hi*/ allows), the earliest the data can
// then be there. Empty: the step does not follow.
[lw IN /*ways*/ WHERE lw.f >= /*lo*/ AND /*hi*/ >= CASE WHEN lw.m > /*lo*/ THEN lw.m ELSE /*lo*/ END
   | CASE WHEN lw.m > /*lo*/ THEN lw.m ELSE /*lo*/ END]

// query: bounds-back
// The mirror of `bounds`, walking backwards with the data gone on no later than /*hi*/, for an earlier step that
// began no later than /*lo*/: the latest the data can have been there.
[lw IN /*ways*/ WHERE lw.m <= /*hi*/ AND /*lo*/ <= CASE WHEN lw.f < /*hi*/ THEN lw.f ELSE /*hi*/ END
   | CASE WHEN lw.f < /*hi*/ THEN lw.f ELSE /*hi*/ END]

// query: lo
// The earliest a transfer /*t*/ can have happened.
coalesce(/*t*/.date, /*t*/.earliest, $dawn)

// query: hi
// The latest a transfer /*t*/ can have happened.
coalesce(/*t*/.date, /*t*/.latest, $doom)

// query: later
CASE WHEN /*a*/ > /*b*/ THEN /*a*/ ELSE /*b*/ END

// query: earlier
CASE WHEN /*a*/ < /*b*/ THEN /*a*/ ELSE /*b*/ END

// query: least
// The earliest date of a list (of `bounds`), $doom for none.
reduce(lm = $doom, lq IN /*list*/ | CASE WHEN lq < lm THEN lq ELSE lm END)

// query: greatest
// The latest date of a list (of `bounds-back`), $dawn for none.
reduce(lm = $dawn, lq IN /*list*/ | CASE WHEN lq > lm THEN lq ELSE lm END)

// query: campaigns
// The campaigns /*org*/ ran with the data a chain delivered to it, or with a dataset it made from that data, where no
// date contradicts it: /*bounds*/ is `bounds` of the ways `between` that data and the campaign's dataset `lu`, with the
// chain's `lo` and the campaign's end, coalesce(lcam.endDate, $doom), as `hi`; /*campaign*/ is consent-facts.cypher's
// `campaign` of lcam and lu.
[(/*org*/)-[:RAN]->(lcam:Campaign)-[:USED]->(lu:Dataset) WHERE size(/*bounds*/) > 0 | /*campaign*/]

// query: ways
// For a chain that is already known (`transfers`, `orgs`, `carried`: its datasets): for each hop k >= 1, the ways
// (`between`) the data of hop k-1 can have become the data of hop k at orgs[k]; /*between*/ is `between` of la, lh
// and lb.
COLLECT {
  UNWIND range(1, size(transfers) - 1) AS k
  WITH k, carried[k - 1] AS la, orgs[k] AS lh, carried[k] AS lb
  RETURN /*between*/ AS ways
  ORDER BY k
}

// query: walk
// The forward walk over a chain that is already known, with its `ways` (above), starting from the bound /*start*/:
// at each hop k >= 1, /*bounds*/ (`bounds` of ways[k - 1], with lo `ls.lo` and the hi of transfers[k]) says whether it
// follows. The result: `brk`, the first hop that does not (null when every one does), and `lo`, the bound at the end
// (after a break, counted from that hop afresh).
reduce(ls = {lo: /*start*/, brk: null}, k IN range(1, size(transfers) - 1) |
  [lb2 IN [/*bounds*/] |
    CASE WHEN size(lb2) = 0 THEN {lo: /*loT*/, brk: coalesce(ls.brk, k)} ELSE {lo: /*later*/, brk: ls.brk} END][0])

// query: labels
// The lineage label of chains given by their transfer ids ($chains, a list of lists): `brk` of the forward walk, or
// null where every hop follows the data (lineageBreaksAtHop). For reports, which find their chains themselves.
UNWIND range(0, size($chains) - 1) AS i
WITH i, [id IN $chains[i] | COLLECT { MATCH (lt:Transfer {id: id}) RETURN lt }[0]] AS transfers
WITH i, transfers, [t0 IN transfers[0..1] | [(lf:Organisation)-[:SENT]->(t0) | lf][0]] + [tx IN transfers | [(tx)-[:TO]->(lr:Organisation) | lr][0]] AS orgs,
     [tx IN transfers | [(tx)-[:CARRIES]->(dx:Dataset) | dx][0]] AS carried
WITH i, transfers, orgs, carried, /*ways*/ AS ways
RETURN i, (/*walk*/).brk AS brk
ORDER BY i
