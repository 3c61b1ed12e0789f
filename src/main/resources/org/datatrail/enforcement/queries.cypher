// Relations of EnforcementAction; each takes $ids and returns `source` and `targets`.

// query: regulator
UNWIND $ids AS id
MATCH (o:Organisation)-[:TOOK]->(:EnforcementAction {id: id})
RETURN id AS source, collect(o.id) AS targets

// query: against
UNWIND $ids AS id
MATCH (:EnforcementAction {id: id})-[:AGAINST]->(o:Organisation)
RETURN id AS source, collect(o.id) AS targets
