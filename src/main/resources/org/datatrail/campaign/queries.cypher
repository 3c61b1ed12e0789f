// Relations of Campaign: those that take $ids return `source` and `targets`; a ...Page query is the members subquery of a paged list.

// query: runBy
UNWIND $ids AS id
MATCH (o:Organisation)-[:RAN]->(:Campaign {id: id})
RETURN id AS source, collect(o.id) AS targets

// query: purposes
UNWIND $ids AS id
MATCH (:Campaign {id: id})-[:FOR]->(p:Purpose)
WITH id, p ORDER BY p.name
RETURN id AS source, collect(p.id) AS targets

// query: datasetsPage
// Campaign.datasets, a paged list (org.datatrail.system.PagedList): the datasets key.parent used, by name, then id.
MATCH (:Campaign {id: key.parent})-[:USED]->(item:Dataset)
RETURN item, [coalesce(item.name, ''), item.id] AS sortKey
