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

// query: categoriesAbout
// The categories whose relationship says whom they are about (`about`; absent where the sources do not say), by name:
// each dataset's pairs of category id and subject groups.
UNWIND $ids AS id
MATCH (:Dataset {id: id})-[r:HAS_CATEGORY]->(c:DataCategory)
WHERE r.about IS NOT NULL
WITH id, c, r ORDER BY c.name, c.id
RETURN id AS source, collect({category: c.id, subjectGroups: r.about}) AS pairs

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
