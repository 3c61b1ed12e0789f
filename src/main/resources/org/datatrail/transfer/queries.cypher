// Relations of Transfer; each takes $ids and returns `source` and `targets`.

// query: from
UNWIND $ids AS id
MATCH (o:Organisation)-[:SENT]->(:Transfer {id: id})
RETURN id AS source, collect(o.id) AS targets

// query: to
UNWIND $ids AS id
MATCH (:Transfer {id: id})-[:TO]->(o:Organisation)
RETURN id AS source, collect(o.id) AS targets

// query: dataset
UNWIND $ids AS id
MATCH (:Transfer {id: id})-[:CARRIES]->(d:Dataset)
RETURN id AS source, collect(d.id) AS targets

// query: purposes
UNWIND $ids AS id
MATCH (:Transfer {id: id})-[:FOR]->(p:Purpose)
WITH id, p ORDER BY p.name
RETURN id AS source, collect(p.id) AS targets

// query: onBehalfOf
UNWIND $ids AS id
MATCH (:Transfer {id: id})-[:ON_BEHALF_OF]->(o:Organisation)
RETURN id AS source, collect(o.id) AS targets
