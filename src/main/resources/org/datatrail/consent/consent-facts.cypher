// What the consent rule reads (ChainFacts), written once: the trace projection and the verdicts of single uses (the
// consent-gaps report) splice these fragments, so both judge the same facts. Placeholders /*name*/ are variables the
// application writes in, never user text.

// query: sources
// Every dataset the data of /*roots*/ (a list of dataset ids) came from: those datasets, and every dataset they were
// made from, through derivations of any depth.
COLLECT {
  UNWIND /*roots*/ AS fromId
  MATCH (dz:Dataset {id: fromId})
  MATCH (ax:Dataset)-[:FEEDS|INTO*0..16]->(dz)
  RETURN DISTINCT ax
}

// query: hop
// One transfer /*t*/: who sent it to whom, what it carried and for what, its dates, evidence, hedges and disputes.
[hx IN [/*t*/] | hx {
  .id, .date, .earliest, .latest, .hedges,
  fromId: [(hf:Organisation)-[:SENT]->(hx) | hf.id][0], from: [(hf:Organisation)-[:SENT]->(hx) | hf.name][0],
  to: [(hx)-[:TO]->(hr:Organisation) | hr.name][0],
  dataset: [(hx)-[:CARRIES]->(hd:Dataset) | hd.id][0],
  purposes: [(hx)-[:FOR]->(hp:Purpose) | hp {.id, .name}],
  evidence: [(hx)-[:SUPPORTED_BY]->(he:Evidence) | he.id],
  disputes: [(hq:Dispute)-[:ABOUT]->(hx) | hq {.id, .field, .subject}] }][0]

// query: datasets
// Each dataset of /*sources*/: its holder, collection period, children's data, consents and derivations.
[ax IN /*sources*/ | ax {
  .id, .name, .collectedFrom, .collectedUntil, .hedges,
  holder: [(ho:Organisation)-[:HOLDS]->(ax) | ho {.id, .name}][0],
  children: EXISTS { (ax)-[:HAS_CATEGORY]->(:DataCategory {concernsChildren: true}) },
  consents: [(ax)-[:COLLECTED_UNDER]->(cx:Consent) | cx.id],
  derivedFrom: [(ax)<-[:INTO]-(dv:Derivation)<-[:FEEDS]-(sx:Dataset) | dv {.id, .kind, .date, .hedges, source: sx.id,
    evidence: [(dv)-[:SUPPORTED_BY]->(e:Evidence) | e.id],
    disputes: [(dp:Dispute)-[:ABOUT]->(dv) | dp {.id, .field, .subject}] }],
  disputes: [(dp:Dispute)-[:ABOUT]->(ax) | dp {.id, .field, .subject}] }]

// query: consents
// Every version of the consents of /*sources*/ (SUPERSEDES either way), with every purpose each covers (the INCLUDES
// closure of what it permits).
COLLECT {
  UNWIND /*sources*/ AS ax
  MATCH (ax)-[:COLLECTED_UNDER]->(:Consent)-[:SUPERSEDES*0..]-(cx:Consent)
  WITH DISTINCT cx
  RETURN cx {.id, .title, .validFrom, .validUntil,
    supersedes: [(cx)-[:SUPERSEDES]->(ox:Consent) | ox.id][0],
    covers: COLLECT {
      MATCH (cx)-[:PERMITS]->(:Purpose)-[:INCLUDES*0..]->(q:Purpose)
      WITH DISTINCT q ORDER BY q.name
      RETURN q {.id, .name} },
    evidence: [(cx)-[:SUPPORTED_BY]->(e:Evidence) | e.id],
    disputes: [(dp:Dispute)-[:ABOUT]->(cx) | dp {.id, .field, .subject}] }
}

// query: campaign
// A campaign /*campaign*/ as a use of the data /*used*/.
/*campaign*/ {.id, .name, .startDate, .endDate, used: /*used*/.id,
  runBy: [(cr:Organisation)-[:RAN]->(/*campaign*/) | cr.name][0],
  purposes: [(/*campaign*/)-[:FOR]->(cp:Purpose) | cp {.id, .name}],
  evidence: [(/*campaign*/)-[:SUPPORTED_BY]->(ce:Evidence) | ce.id],
  disputes: [(cq:Dispute)-[:ABOUT]->(/*campaign*/) | cq {.id, .field, .subject}]}

// query: uses
// The facts of single uses ($uses: {transfer: id} or {campaign: id, dataset: id}), one row each, in order: a transfer
// is a chain of one hop with no campaign; a campaign is a chain of no hop with that campaign's use of the dataset.
UNWIND range(0, size($uses) - 1) AS i
WITH i, $uses[i] AS use
OPTIONAL MATCH (t:Transfer {id: use.transfer})
OPTIONAL MATCH (cam:Campaign {id: use.campaign})
OPTIONAL MATCH (u:Dataset {id: use.dataset})
WITH i, CASE WHEN t IS NULL THEN [] ELSE [t] END AS transfers, cam, u
WITH i, transfers, cam, u, [tx IN transfers | [(tx)-[:CARRIES]->(dx:Dataset) | dx.id][0]] + CASE WHEN u IS NULL THEN [] ELSE [u.id] END AS roots
WITH i, transfers, cam, u, /*sources*/ AS sources
RETURN i, {
  hops: [tk IN transfers | /*hop*/],
  datasets: /*datasets*/,
  consents: /*consents*/,
  campaigns: CASE WHEN cam IS NULL OR u IS NULL THEN [] ELSE [/*campaign*/] END
} AS facts
ORDER BY i
