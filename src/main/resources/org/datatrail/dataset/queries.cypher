// Relations of Dataset: those that take $ids return `source` and `targets`; a ...Page query is the members subquery of a paged list.

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

// The members of a dataset's paged lists (org.datatrail.system.PagedList): given `key`, each `item` of
// key.parent's list and its `sortKey` (no element null; the last one unique).

// query: consentsPage
// Dataset.consents: by title, then id.
MATCH (:Dataset {id: key.parent})-[:COLLECTED_UNDER]->(item:Consent)
RETURN item, [coalesce(item.title, ''), item.id] AS sortKey

// query: derivedFromPage
// Dataset.derivedFrom: the derivations that made it, by the id of the dataset each was made from, then id.
MATCH (:Dataset {id: key.parent})<-[:INTO]-(item:Derivation)<-[:FEEDS]-(s:Dataset)
RETURN item, [s.id, item.id] AS sortKey

// query: derivativesPage
// Dataset.derivatives: the derivations made from it, by the id of what each made, then id.
MATCH (:Dataset {id: key.parent})-[:FEEDS]->(item:Derivation)-[:INTO]->(d:Dataset)
RETURN item, [d.id, item.id] AS sortKey

// query: derivationDataset
UNWIND $ids AS id
MATCH (:Derivation {id: id})-[:INTO]->(d:Dataset)
RETURN id AS source, collect(d.id) AS targets

// query: derivationSource
UNWIND $ids AS id
MATCH (:Derivation {id: id})<-[:FEEDS]-(d:Dataset)
RETURN id AS source, collect(d.id) AS targets
