// title: Consent gaps
// answers: Every transfer, and every campaign, whose purposes the consents of the data it used did not cover, with the consents and the evidence. A purpose is covered only by a consent of that dataset that permits it or includes it (INCLUDES, any depth).
// param: from String = null -- only uses by this organisation (its id: the sender of a transfer, or who ran a campaign); every organisation when empty
CALL () {
  MATCH (actor:Organisation)-[:SENT]->(use:Transfer)-[:TO]->(receiver:Organisation)
  WHERE $from IS NULL OR actor.id = $from
  MATCH (use)-[:CARRIES]->(d:Dataset)
  RETURN 'transfer' AS kind, use, use.date AS date, actor, receiver.name AS receiver, d
UNION ALL
  MATCH (actor:Organisation)-[:RAN]->(use:Campaign)-[:USED]->(d:Dataset)
  WHERE $from IS NULL OR actor.id = $from
  RETURN 'campaign' AS kind, use, use.startDate AS date, actor, null AS receiver, d
}
MATCH (use)-[:FOR]->(purpose:Purpose)
WHERE NOT EXISTS {
  (d)-[:COLLECTED_UNDER]->(:Consent)-[:PERMITS]->(:Purpose)-[:INCLUDES]->{0,}(purpose)
}
WITH kind, use, date, actor, receiver, d, collect(DISTINCT purpose.name) AS uncoveredPurposes
RETURN kind, use.id AS id, date, actor.name AS actor, receiver, d.name AS dataset, uncoveredPurposes,
       COLLECT { MATCH (d)-[:COLLECTED_UNDER]->(c:Consent) RETURN c.title ORDER BY c.title } AS consents,
       COLLECT { MATCH (use)-[:SUPPORTED_BY]->(e:Evidence)-[:CITES]->(s:Source) RETURN s.id + ': ' + e.quote ORDER BY s.id, e.quote } AS evidence
ORDER BY date, kind DESC, id
