// title: Timeline
// answers: Every dated event of an organisation, or of its whole case, in order: collection, transfers sent or received, campaigns, deletions, enforcement and other recorded events. Events without an agreed date follow, with every date the sources claim for them.
// param: organisation Organisation -- the organisation (its id), e.g. lifecycle-marketing
// param: wholeCase Boolean = false -- also the events of every organisation its data reached and every one that fed it (chains of up to 8 transfers)
// param: undated Boolean = true -- also list the events with no agreed date, after the dated ones
MATCH (focus:Organisation {id: $organisation})
CALL (focus) {
    RETURN focus AS member
  UNION
    MATCH (focus)((:Organisation)-[:SENT]->(:Transfer)-[:TO]->(:Organisation)){1,8}(member:Organisation)
    WHERE $wholeCase
    RETURN member
  UNION
    MATCH (member:Organisation)((:Organisation)-[:SENT]->(:Transfer)-[:TO]->(:Organisation)){1,8}(focus)
    WHERE $wholeCase
    RETURN member
}
WITH collect(member) AS members
CALL (members) {
    UNWIND members AS m
    MATCH (m)-[:SENT|TO]-(t:Transfer)
    WITH DISTINCT t
    MATCH (s:Organisation)-[:SENT]->(t)-[:TO]->(r:Organisation), (t)-[:CARRIES]->(d:Dataset)
    RETURN t AS fact, t.date AS date, 'TRANSFER' AS kind,
           s.name + ' sent ' + d.name + ' to ' + r.name
             + coalesce(' (' + toString(t.recordCount) + CASE WHEN t.recordCountIsLowerBound THEN ' or more' ELSE '' END + ' records)', '')
             + ' for ' + reduce(x = '', p IN COLLECT { MATCH (t)-[:FOR]->(p:Purpose) RETURN p.name ORDER BY p.name } |
                                x + CASE x WHEN '' THEN '' ELSE ', ' END + p) AS what,
           [s.name, r.name] AS organisations
  UNION
    UNWIND members AS m
    MATCH (m)-[:RAN]->(c:Campaign)
    RETURN c AS fact, c.startDate AS date, 'CAMPAIGN' AS kind,
           m.name + ' ran ' + c.name + coalesce(' by ' + c.channel, '') + coalesce(' until ' + toString(c.endDate), '') AS what,
           [m.name] AS organisations
  UNION
    UNWIND members AS m
    MATCH (regulator:Organisation)-[:TOOK]->(a:EnforcementAction)-[:AGAINST]->(target:Organisation)
    WHERE m IN [regulator, target]
    WITH DISTINCT regulator, a, target
    RETURN a AS fact, a.date AS date, 'ENFORCEMENT' AS kind,
           regulator.name + ': ' + toLower(replace(a.kind, '_', ' ')) + ' against ' + target.name
             + coalesce(' of ' + CASE WHEN a.amount = toInteger(a.amount) THEN toString(toInteger(a.amount)) ELSE toString(a.amount) END
                        + coalesce(' ' + a.currency, ''), '') AS what,
           [regulator.name, target.name] AS organisations
  UNION
    UNWIND members AS m
    MATCH (e:Event)-[:INVOLVES]->(m)
    WITH DISTINCT e
    RETURN e AS fact, e.date AS date, e.kind AS kind, e.description AS what,
           COLLECT { MATCH (e)-[:INVOLVES]->(o:Organisation) RETURN o.name ORDER BY o.name } AS organisations
}
WITH fact, date, kind, what, organisations
WHERE date IS NOT NULL OR $undated
RETURN date, kind, what, organisations, fact.id AS id,
       COLLECT { MATCH (d:Dispute)-[:ABOUT]->(fact) WHERE d.field IN ['date', 'startDate']
                 MATCH (d)-[:HAS_CLAIM]->(c:Claim) RETURN c.value ORDER BY c.value } AS claimedDates,
       COLLECT { MATCH (fact)-[:SUPPORTED_BY]->(e:Evidence)-[:CITES]->(s:Source) RETURN s.id + ': ' + e.quote ORDER BY s.id, e.quote } AS evidence
ORDER BY date IS NULL, date, kind, id
