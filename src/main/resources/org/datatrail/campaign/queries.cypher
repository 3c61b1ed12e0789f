// Relations of Campaign; each takes $ids and returns `source` and `targets`.

// query: runBy
UNWIND $ids AS id
MATCH (o:Organisation)-[:RAN]->(:Campaign {id: id})
RETURN id AS source, collect(o.id) AS targets

// query: purposes
UNWIND $ids AS id
MATCH (:Campaign {id: id})-[:FOR]->(p:Purpose)
WITH id, p ORDER BY p.name
RETURN id AS source, collect(p.id) AS targets

// query: datasets
UNWIND $ids AS id
MATCH (:Campaign {id: id})-[:USED]->(d:Dataset)
WITH id, d ORDER BY d.name
RETURN id AS source, collect(d.id) AS targets
