// Attaching a document to a source, and checking every quote that cites the source against it. All run in one write
// transaction, so a document is attached with its quotes checked and its audit entry, or not at all.

// query: lock
// The source's write lock, first: a write citing the source takes it too before reading the source's document, so
// its quotes are either in the evidence this attach re-checks, or checked against this document once it commits.
MATCH (s:Source {id: $source})
SET s.lockedForQuoteCheck = true
REMOVE s.lockedForQuoteCheck

// query: current
// The source and the SHA-256 of its attached document (null when none); no row when there is no such source.
MATCH (s:Source {id: $source})
OPTIONAL MATCH (s)-[:HAS_DOCUMENT]->(d:Document)
RETURN d.sha256 AS sha256

// query: citing
// Every quote citing the source, with the fact it supports (an evidence node supports one fact: its id is derived
// from the fact's), in a stable order for the answer.
MATCH (:Source {id: $source})<-[:CITES]-(e:Evidence)<-[:SUPPORTED_BY]-(f:Fact)
RETURN e.id AS id, e.quote AS quote, f.id AS fact, e.check AS check
ORDER BY f.id, e.id

// query: attach
// One document per source, merged on the source's id (constraint document_source): a new document replaces the old
// one's text, bytes and metadata. The original bytes stay beside the text, so that the page a quote came from can be
// shown as it was uploaded.
MATCH (s:Source {id: $source})
MERGE (d:Document {source: $source})
SET d.sha256 = $sha256, d.mediaType = $mediaType, d.characters = $characters, d.attachedAt = datetime(), d.text = $text,
    d.bytes = $bytes, d.fileName = $fileName
MERGE (s)-[:HAS_DOCUMENT]->(d)

// query: lockNames
// The organisations' names, locked until the attach commits (a write that adds an organisation or changes its names
// takes the same lock), and their version: the attach reads every name again when it is not the one it last read.
MERGE (n:OrganisationNames {name: 'organisations'})
SET n.lockedForMentions = true
REMOVE n.lockedForMentions
RETURN n.version AS version

// query: names
// Every organisation's folded name and aliases (one per line), to find the ones each passage mentions.
MATCH (o:Organisation)
WHERE o.searchText IS NOT NULL
RETURN o.id AS id, o.searchText AS searchText

// query: passages
// The document's text cut into passages for document search (the full-text index passage_search reads their folded
// text, and their source's visibility, which keeps journalists' searches to public sources), each linked to the
// organisations it mentions, with the offset in its folded text where each is first named (`at`, for their order);
// those of the document it replaces go first, with their mentions. The source is locked (`lock`), so its `public`
// cannot change before this commits.
MATCH (s:Source {id: $source})-[:HAS_DOCUMENT]->(d:Document {source: $source})
CALL (d) {
  MATCH (d)-[:HAS_PASSAGE]->(old:Passage)
  DETACH DELETE old
}
WITH d, CASE WHEN coalesce(s.public, false) THEN 'public' ELSE 'private' END AS visibility
UNWIND $passages AS p
CREATE (d)-[:HAS_PASSAGE]->(passage:Passage {source: $source, start: p.start, end: p.end, text: p.text, searchText: p.searchText,
                                             visibility: visibility})
WITH passage, p
UNWIND p.mentions AS m
MATCH (o:Organisation {id: m.id})
CREATE (passage)-[:MENTIONS {at: m.at}]->(o)

// query: recheck
// Each quote's place in the new document: FOUND with offsets and context, or NOT_FOUND (kept, never deleted; the
// evidence-coverage report lists it).
UNWIND $rows AS row
MATCH (e:Evidence {id: row.id})
SET e.check = row.check, e.start = row.start, e.end = row.end, e.context = row.context

// query: audit
// The upload and its quote check, in the audit trail: who, when, which source, and what the check found (the input
// records the document's SHA-256, media type, length, the document it replaced, and the quotes not found; never the text).
CREATE (:AuditEntry {
  id: randomUUID(), at: datetime(), role: $role, tokenLabel: $label, operation: $operation, recordIds: [$source],
  input: $input, nodesCreated: $nodesCreated, nodesDeleted: $nodesDeleted, relationshipsCreated: $relationshipsCreated,
  relationshipsDeleted: $relationshipsDeleted })
