// The shared tail of every trace, after the page has been cut (`page`: a list of {transfers, orgs, start}, in the
// trace's order). For each chain:
// - `lineage`: the forward walk of lineage.cypher over the chain as it is known (/*lineage*/, filled in by
//   TraceStatements): `brk`, the first hop whose data the sources do not tie to the hop before (null: a DATA chain),
//   and `lo`, the earliest the data can have reached the last receiver;
// - everything the consent rule reads (consent-facts.cypher): each hop, every dataset the chain's data came from, every
//   version of their consents, and the campaigns the last receiver ran with the data (/*campaigns*/).
// One row, whatever the number of chains, so that `missing` comes back even when nothing was found.
RETURN missing, COLLECT {
  UNWIND range(0, size(page) - 1) AS i
  WITH i, page[i].transfers AS transfers, page[i].orgs AS orgs, page[i].start AS start
  WITH i, transfers, orgs, start, [tx IN transfers | [(tx)-[:CARRIES]->(dx:Dataset) | dx][0]] AS carried
  WITH i, transfers, orgs, start, carried, /*ways*/ AS ways
  WITH i, transfers, orgs, carried, /*lineage*/ AS lineage
  WITH i, transfers, orgs, carried, lineage, last(orgs) AS endOrg, last(carried) AS endData
  WITH i, transfers, orgs, carried, lineage, /*campaigns*/ AS campaigns
  WITH i, transfers, orgs, carried, lineage, campaigns, [dx IN carried | dx.id] + [cx IN campaigns | cx.used] AS roots
  WITH i, transfers, orgs, carried, lineage, campaigns, /*sources*/ AS sources
  RETURN {
    organisations: [ox IN orgs | ox.id],
    lineageBreaksAtHop: lineage.brk,
    hops: [tk IN transfers | /*hop*/],
    datasets: /*datasets*/,
    consents: /*consents*/,
    campaigns: campaigns
  } AS path
  ORDER BY i
} AS paths
