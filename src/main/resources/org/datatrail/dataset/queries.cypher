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
