// What the validator needs to know of the database, read in the write's own transaction.

// query: kinds
// Which of these ids already name something in the graph, and what kind of thing (its main label).
// One indexed look-up per label: no label-less scan, whatever the size of the graph.
UNWIND $ids AS id
OPTIONAL MATCH (f:Fact {id: id})
OPTIONAL MATCH (s:Source {id: id})
OPTIONAL MATCH (p:Purpose {id: id})
OPTIONAL MATCH (c:DataCategory {id: id})
OPTIONAL MATCH (d:Dispute {id: id})
WITH id, coalesce(f, s, p, c, d) AS n
WHERE n IS NOT NULL
RETURN id, [label IN labels(n) WHERE label <> 'Fact'][0] AS kind

// query: derivations
// The recorded derivations a new one could close into a cycle: all of them upwards from the datasets the input
// derives from (their sources, their sources' sources...), each dataset visited once however many routes lead to
// it; and those the input names by id, to refuse an id that belongs to another dataset's derivation.
CALL () {
  UNWIND $sources AS id
  MATCH ANY SHORTEST (:Dataset {id: id}) (()<-[:INTO]-(:Derivation)<-[:FEEDS]-(:Dataset))* (d:Dataset)
  MATCH (d)<-[:INTO]-(x:Derivation)
  RETURN x
  UNION
  UNWIND $derivations AS id
  MATCH (x:Derivation {id: id})
  RETURN x
}
MATCH (derived:Dataset)<-[:INTO]-(x)<-[:FEEDS]-(source:Dataset)
RETURN x.id AS id, derived.id AS derived, source.id AS source

// query: supersessions
// The recorded versions a new "supersedes" could close into a cycle: the chain of versions below each consent the
// input says is superseded (what it superseded, what that superseded...).
UNWIND $consents AS id
MATCH (:Consent {id: id})-[:SUPERSEDES]->*(newer:Consent)-[:SUPERSEDES]->(older:Consent)
RETURN DISTINCT newer.id AS newer, older.id AS older

// query: documents
// The attached documents of the sources the input's evidence cites: each quote citing one must be in its text.
UNWIND $sources AS id
MATCH (:Source {id: id})-[:HAS_DOCUMENT]->(d:Document)
RETURN id AS source, d.text AS text

// query: lockSources
// The write lock of each cited source, taken before its document is read (in id order, so two writes do not wait on
// each other crosswise): a document attached at the same time (the attach takes the same lock) is then either read
// here, or attached after this write commits and re-checks its quotes. Nothing changes: the property set is removed.
UNWIND $sources AS id
MATCH (s:Source {id: id})
SET s.lockedForQuoteCheck = true
REMOVE s.lockedForQuoteCheck
