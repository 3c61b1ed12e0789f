// Shared tail of every trace, after the page has been cut (`page`: a list of {transfers, orgs}, in the
// trace's order): what the consent check needs for each chain: each hop's purposes, the consents of the
// dataset it carried with every purpose they cover (the INCLUDES closure), and the campaigns the last receiver
// ran with that data. One row, whatever the number of chains, so that `missing` comes back even when nothing
// was found.
RETURN missing, COLLECT {
  UNWIND range(0, size(page) - 1) AS i
  WITH i, page[i].transfers AS transfers, page[i].orgs AS orgs
  WITH i, transfers, orgs, last(orgs) AS endOrg, last(transfers) AS lastTransfer
  RETURN {
    organisations: [x IN orgs | x.id],
    hops: [x IN transfers | x {
       .id,
       from: [(f:Organisation)-[:SENT]->(x) | f.name][0],
       to: [(x)-[:TO]->(r:Organisation) | r.name][0],
       dataset: [(x)-[:CARRIES]->(d:Dataset) | d.name][0],
       purposes: [(x)-[:FOR]->(p:Purpose) | p {.id, .name}],
       consents: COLLECT {
          MATCH (x)-[:CARRIES]->(:Dataset)-[:COLLECTED_UNDER]->(c:Consent)
          WITH c ORDER BY c.title
          RETURN c {
            .id, .title,
            covers: COLLECT {
              MATCH (c)-[:PERMITS]->(:Purpose)-[:INCLUDES]->{0,}(q:Purpose)
              WITH DISTINCT q ORDER BY q.name
              RETURN q {.id, .name} },
            evidence: [(c)-[:SUPPORTED_BY]->(e:Evidence) | e.id] } },
       evidence: [(x)-[:SUPPORTED_BY]->(e:Evidence) | e.id]
    }],
    campaigns: [(endOrg)-[:RAN]->(cam:Campaign)-[:USED]->(:Dataset)<-[:CARRIES]-(lastTransfer) | cam {
       .id, .name,
       purposes: [(cam)-[:FOR]->(p:Purpose) | p {.id, .name}],
       evidence: [(cam)-[:SUPPORTED_BY]->(e:Evidence) | e.id] }]
  } AS path
  ORDER BY i
} AS paths
