// Queries of the evidence feature. Relation queries take $ids and return `source` and `targets`.

// query: evidence
// Evidence of any fact (organisation, transfer, dataset, consent, campaign, enforcement action, claim):
// the :Fact label carries the unique id.
UNWIND $ids AS id
MATCH (:Fact {id: id})-[:SUPPORTED_BY]->(e:Evidence)
WITH id, e ORDER BY e.id
RETURN id AS source, collect(e.id) AS targets

// query: source
UNWIND $ids AS id
MATCH (:Evidence {id: id})-[:CITES]->(s:Source)
RETURN id AS source, collect(s.id) AS targets

// query: disputes
// Every dispute, grouped by the kind of disagreement then by subject.
MATCH (d:Dispute)
RETURN d.id AS id
ORDER BY d.kind, d.subject, d.id

// query: claims
UNWIND $ids AS id
MATCH (:Dispute {id: id})-[:HAS_CLAIM]->(c:Claim)
WITH id, c ORDER BY c.value
RETURN id AS source, collect(c.id) AS targets

// query: sources
MATCH (s:Source)
RETURN s.id AS id
ORDER BY s.published DESC, s.id

// query: disputesAbout
// The disputes about each fact (any :Fact by id), grouped as Query.disputes orders them.
UNWIND $ids AS id
MATCH (d:Dispute)-[:ABOUT]->(:Fact {id: id})
WITH id, d ORDER BY d.kind, d.subject, d.id
RETURN id AS source, collect(d.id) AS targets
