// Relations of Dataset; each takes $ids and returns `source` and `targets`.

// query: heldBy
UNWIND $ids AS id
MATCH (o:Organisation)-[:HOLDS]->(:Dataset {id: id})
RETURN id AS source, collect(o.id) AS targets

// query: dataCategories
UNWIND $ids AS id
MATCH (:Dataset {id: id})-[:HAS_CATEGORY]->(c:DataCategory)
WITH id, c ORDER BY c.name
RETURN id AS source, collect(c.id) AS targets

// query: consents
UNWIND $ids AS id
MATCH (:Dataset {id: id})-[:COLLECTED_UNDER]->(c:Consent)
WITH id, c ORDER BY c.title
RETURN id AS source, collect(c.id) AS targets

// query: derivedFrom
// The derivations that made each dataset, by the id of the dataset they were made from.
UNWIND $ids AS id
MATCH (:Dataset {id: id})<-[:INTO]-(x:Derivation)<-[:FEEDS]-(s:Dataset)
WITH id, x ORDER BY s.id
RETURN id AS source, collect(x.id) AS targets

// query: derivatives
// The derivations made from each dataset, by the id of what they made.
UNWIND $ids AS id
MATCH (:Dataset {id: id})-[:FEEDS]->(x:Derivation)-[:INTO]->(d:Dataset)
WITH id, x ORDER BY d.id
RETURN id AS source, collect(x.id) AS targets

// query: derivationDataset
UNWIND $ids AS id
MATCH (:Derivation {id: id})-[:INTO]->(d:Dataset)
RETURN id AS source, collect(d.id) AS targets

// query: derivationSource
UNWIND $ids AS id
MATCH (:Derivation {id: id})<-[:FEEDS]-(d:Dataset)
RETURN id AS source, collect(d.id) AS targets
