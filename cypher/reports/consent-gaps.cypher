// title: Consent gaps
// answers: Every transfer whose purposes the consents of the data it carried did not cover, with the evidence.
// param: from String = null -- only transfers sent by this organisation (its id); every transfer when empty
MATCH (sender:Organisation)-[:SENT]->(t:Transfer)-[:TO]->(receiver:Organisation)
WHERE $from IS NULL OR sender.id = $from
MATCH (t)-[:CARRIES]->(d:Dataset)
MATCH (t)-[:FOR]->(use:Purpose)
WHERE NOT EXISTS {
  (d)-[:COLLECTED_UNDER]->(:Consent)-[:PERMITS]->(:Purpose)-[:INCLUDES]->{0,}(use)
}
RETURN t.id AS transfer, t.date AS date, sender.name AS sender, receiver.name AS receiver, d.name AS dataset,
       collect(DISTINCT use.name) AS uncoveredPurposes,
       COLLECT { MATCH (d)-[:COLLECTED_UNDER]->(c:Consent) RETURN c.title } AS consents,
       COLLECT { MATCH (t)-[:SUPPORTED_BY]->(e:Evidence)-[:CITES]->(s:Source) RETURN s.id + ': ' + e.quote } AS evidence
ORDER BY date, transfer
