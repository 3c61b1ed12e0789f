// title: Consent gaps
// answers: Every transfer, and every campaign, whose use of data its subjects were not told of, judged by the consent rule the traces use: the versions of the notices in force when the data was collected, every dataset a derived one was made from, disputed accounts never taken as coverage. With the verdict in words, the consents it applied, the disputes it rests on, and the use's evidence.
// param: from Organisation = null -- only uses by this organisation (its id: the sender of a transfer, or who ran a campaign); every organisation when empty
// verdict: use
// keep: uncovered
CALL () {
  MATCH (actor:Organisation)-[:SENT]->(t:Transfer)-[:TO]->(receiver:Organisation)
  WHERE $from IS NULL OR actor.id = $from
  MATCH (t)-[:CARRIES]->(d:Dataset)
  RETURN 'transfer' AS kind, t AS use, t.date AS date, actor, receiver.name AS receiver, d, {transfer: t.id} AS judged
UNION ALL
  MATCH (actor:Organisation)-[:RAN]->(c:Campaign)-[:USED]->(d:Dataset)
  WHERE $from IS NULL OR actor.id = $from
  RETURN 'campaign' AS kind, c AS use, c.startDate AS date, actor, null AS receiver, d, {campaign: c.id, dataset: d.id} AS judged
}
RETURN kind, use.id AS id, date, actor.name AS actor, receiver, d.name AS dataset,
       COLLECT { MATCH (use)-[:SUPPORTED_BY]->(e:Evidence)-[:CITES]->(s:Source) RETURN s.id + ': ' + e.quote ORDER BY s.id, e.quote } AS evidence,
       judged AS use
ORDER BY date, kind DESC, id
