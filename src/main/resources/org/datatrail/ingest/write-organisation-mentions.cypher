// Keeping the stored mentions of organisations in documents' passages, (:Passage)-[:MENTIONS {at}]->(:Organisation),
// right when organisations are recorded or their names and aliases change. An attach finds a new document's mentions
// itself (DocumentAttach); these statements find an organisation's mentions in the passages already stored.

// query: renamed
// Of the organisations about to be written, those that are new or whose folded names and aliases change.
UNWIND $rows AS row
OPTIONAL MATCH (o:Organisation {id: row.id})
WITH row, o
WHERE o IS NULL OR o.searchText IS NULL OR o.searchText <> row.searchText
RETURN collect(row.id) AS ids

// query: lockNames
// A new version of the organisations' names, which an attach reads to know its table of names is out of date; the
// lock on this node, held until the write commits, keeps an attach from reading the names while they change.
MERGE (n:OrganisationNames {name: 'organisations'})
SET n.version = randomUUID()

// query: mentions
// The passages that name each organisation written, by its whole folded name or an alias as a run of whole words
// (the phrase query on the passages' folded text finds candidates; the padded CONTAINS is the rule), linked with the
// offset where the passage first names it (`at`, as an attach computes it), in place of the links its old names had.
UNWIND $ids AS id
MATCH (o:Organisation {id: id})
CALL (o) {
  MATCH (:Passage)-[old:MENTIONS]->(o)
  DELETE old
}
WITH o
WHERE EXISTS { MATCH (:Passage) }
CALL (o) {
  UNWIND split(o.searchText, '\n') AS name
  WITH name
  WHERE name <> ''
  CALL db.index.fulltext.queryNodes('passage_search', 'searchText:"' + name + '"') YIELD node
  WITH node, name, ' ' + node.searchText + ' ' AS padded
  WHERE padded CONTAINS ' ' + name + ' '
  WITH node, min(size(split(padded, ' ' + name + ' ')[0])) AS at
  CREATE (node)-[:MENTIONS {at: at}]->(o)
}
