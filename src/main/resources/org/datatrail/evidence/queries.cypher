// Queries of the evidence feature. Relation queries take $ids and return `source` and `targets`; a ...Page query is the
// members subquery of a paged list (org.datatrail.system.PagedList).

// query: evidence
// Evidence of each claim (whole: one claim's quotes; a fact's own evidence is the paged list of evidencePage):
// the :Fact label carries the unique id.
UNWIND $ids AS id
MATCH (:Fact {id: id})-[:SUPPORTED_BY]->(e:Evidence)
WITH id, e ORDER BY e.id
RETURN id AS source, collect(e.id) AS targets

// query: source
UNWIND $ids AS id
MATCH (:Evidence {id: id})-[:CITES]->(s:Source)
RETURN id AS source, collect(s.id) AS targets

// query: disputes
// A page of every dispute, grouped by the kind of disagreement then by subject, then by id (unique), after the
// dispute whose key is ($afterKind, $afterSubject, $afterId) when given (keyset paging).
MATCH (d:Dispute)
WITH d, coalesce(d.kind, '') AS kind, coalesce(d.subject, '') AS subject
WHERE $afterId IS NULL OR kind > $afterKind OR (kind = $afterKind AND (subject > $afterSubject
   OR (subject = $afterSubject AND d.id > $afterId)))
RETURN d.id AS id, kind, subject
ORDER BY kind, subject, d.id
LIMIT $first

// query: claims
UNWIND $ids AS id
MATCH (:Dispute {id: id})-[:HAS_CLAIM]->(c:Claim)
WITH id, c ORDER BY c.value
RETURN id AS source, collect(c.id) AS targets

// query: sources
// A page of every source, newest first (undated ones first, as DESC puts nulls), then by id (unique), after the
// source whose key is ($afterPublished, $afterId) when given (keyset paging).
MATCH (s:Source)
WITH s, coalesce(s.published, date('9999-12-31')) AS published
WHERE $afterId IS NULL OR published < $afterPublished OR (published = $afterPublished AND s.id > $afterId)
RETURN s.id AS id, published
ORDER BY published DESC, s.id
LIMIT $first

// query: evidencePage
// The members of a fact's evidence (a paged list, org.datatrail.system.PagedList), by id: the fact is any :Fact.
MATCH (:Fact {id: key.parent})-[:SUPPORTED_BY]->(item:Evidence)
RETURN item, [item.id] AS sortKey

// query: disputesPage
// The members of a fact's disputes (a paged list), grouped as Query.disputes orders them: kind, subject, id.
MATCH (item:Dispute)-[:ABOUT]->(:Fact {id: key.parent})
RETURN item, [coalesce(item.kind, ''), coalesce(item.subject, ''), item.id] AS sortKey
