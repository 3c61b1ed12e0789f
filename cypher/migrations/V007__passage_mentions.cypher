// Document search stores the organisations each passage names, (:Passage)-[:MENTIONS {at}]->(:Organisation) (`at`: the
// offset in the passage's folded text where it is first named, for their order), found once when a document is
// attached instead of on every search; writes that add or rename organisations keep them right, under the lock of the
// one (:OrganisationNames {name, version}) node, whose version tells an attach that the names it read have changed.
CREATE CONSTRAINT organisation_names_name IF NOT EXISTS FOR (n:OrganisationNames) REQUIRE n.name IS UNIQUE;
// Passages attached before this migration get their mentions now, found as a write that records an organisation
// finds them: each of its folded names and aliases as a run of whole words of the passage's folded text.
CALL db.awaitIndex('passage_search', 600);
MATCH (o:Organisation)
WHERE o.searchText IS NOT NULL AND EXISTS { MATCH (:Passage) }
CALL (o) {
  UNWIND split(o.searchText, '\n') AS name
  WITH name
  WHERE name <> ''
  CALL db.index.fulltext.queryNodes('passage_search', '"' + name + '"') YIELD node
  WITH node, name, ' ' + node.searchText + ' ' AS padded
  WHERE padded CONTAINS ' ' + name + ' ' AND NOT EXISTS { (node)-[:MENTIONS]->(o) }
  WITH node, min(size(split(padded, ' ' + name + ' ')[0])) AS at
  CREATE (node)-[:MENTIONS {at: at}]->(o)
} IN TRANSACTIONS OF 1000 ROWS;
