// Queries of the consent feature. Relation queries take $ids and return `source` and `targets`.

// query: permittedPurposes
UNWIND $ids AS id
MATCH (:Consent {id: id})-[:PERMITS]->(p:Purpose)
WITH id, p ORDER BY p.name
RETURN id AS source, collect(p.id) AS targets

// query: includes
UNWIND $ids AS id
MATCH (:Purpose {id: id})-[:INCLUDES]->(p:Purpose)
WITH id, p ORDER BY p.name
RETURN id AS source, collect(p.id) AS targets

// query: purposes
MATCH (p:Purpose)
RETURN p.id AS id
ORDER BY p.name

// query: supersedes
UNWIND $ids AS id
MATCH (:Consent {id: id})-[:SUPERSEDES]->(c:Consent)
RETURN id AS source, collect(c.id) AS targets

// query: supersededBy
UNWIND $ids AS id
MATCH (:Consent {id: id})<-[:SUPERSEDES]-(c:Consent)
WITH id, c ORDER BY c.validFrom, c.id
RETURN id AS source, collect(c.id) AS targets
