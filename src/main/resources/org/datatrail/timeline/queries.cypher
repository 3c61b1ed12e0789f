// Queries of the timeline feature.

// query: timeline
// What happened to the organisations $organisations, in order: transfers they sent or received, campaigns
// they ran, enforcement actions against them or by them, events involving them. Dated entries first (oldest
// first), then undated ones by the date a source first reported them (the earliest `published` of the
// sources their evidence cites), then by id: `sortKey`, with no null in it (0/1 for "has no date", dates as ISO text),
// its last element unique. Keyset pages: at most $first rows after the entry whose sortKey is $after (null: from the
// first), so an entry recorded between two pages never makes a page repeat or skip one.
CALL () {
  MATCH (s:Organisation)-[:SENT]->(t:Transfer)-[:TO]->(r:Organisation)
  WHERE s.id IN $organisations OR r.id IN $organisations
  OPTIONAL MATCH (t)-[:CARRIES]->(d:Dataset)
  RETURN t AS fact, 'TRANSFER' AS kind, t.date AS date,
         s.name + ' passed ' + coalesce(d.name, 'data') + ' to ' + r.name
           + CASE WHEN t.recordCount IS NULL THEN ''
                  ELSE ' (' + CASE WHEN t.recordCountIsLowerBound THEN 'more than ' ELSE '' END + toString(t.recordCount) + ' records)' END
           AS summary,
         [s.id, r.id] AS organisations
  UNION
  MATCH (o:Organisation)-[:RAN]->(c:Campaign)
  WHERE o.id IN $organisations
  RETURN c AS fact, 'CAMPAIGN' AS kind, c.startDate AS date, o.name + ' ran: ' + c.name AS summary, [o.id] AS organisations
  UNION
  MATCH (g:Organisation)-[:TOOK]->(a:EnforcementAction)-[:AGAINST]->(o:Organisation)
  WHERE o.id IN $organisations OR g.id IN $organisations
  RETURN a AS fact, 'ENFORCEMENT' AS kind, a.date AS date,
         g.name + ': ' + toLower(replace(a.kind, '_', ' ')) + ' against ' + o.name
           + CASE WHEN a.amount IS NULL THEN '' ELSE ', ' + coalesce(a.currency + ' ', '') + toString(toInteger(a.amount)) END
           AS summary,
         [g.id, o.id] AS organisations
  UNION
  MATCH (e:Event)-[:INVOLVES]->(o:Organisation)
  WHERE o.id IN $organisations
  WITH DISTINCT e
  RETURN e AS fact, e.kind AS kind, e.date AS date, coalesce(e.description, toLower(e.kind)) AS summary,
         [(e)-[:INVOLVES]->(x:Organisation) | x.id] AS organisations
}
WITH fact, kind, date, summary, organisations
OPTIONAL MATCH (fact)-[:SUPPORTED_BY]->(:Evidence)-[:CITES]->(src:Source)
WITH fact, kind, date, summary, organisations, min(src.published) AS firstReported
WITH fact, kind, date, summary, organisations, firstReported,
     [CASE WHEN date IS NULL THEN 1 ELSE 0 END, coalesce(toString(date), ''),
      CASE WHEN firstReported IS NULL THEN 1 ELSE 0 END, coalesce(toString(firstReported), ''), fact.id] AS sortKey
WHERE $after IS NULL OR sortKey > $after
RETURN fact.id AS id, kind, date, firstReported, summary, organisations, sortKey
ORDER BY sortKey
LIMIT $first

// query: organisations
// Which of $ids name an organisation (to report the ones that do not).
MATCH (o:Organisation) WHERE o.id IN $ids
RETURN o.id AS id
