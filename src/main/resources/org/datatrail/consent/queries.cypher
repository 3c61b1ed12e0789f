// Queries of the consent feature. Relation queries take $ids and return `source` and `targets`; supersededByPage is the members subquery of a paged list.

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

// query: supersededByPage
// Consent.supersededBy, a paged list (org.datatrail.system.PagedList): the versions that replaced key.parent, by the
// date each took effect (undated last), then id.
MATCH (:Consent {id: key.parent})<-[:SUPERSEDES]-(item:Consent)
RETURN item, [coalesce(item.validFrom, date('9999-12-31')), item.id] AS sortKey
