// title: Broker hubs
// answers: Organisations ranked by onward transfers (transfers they sent of data they had received) and records passed on.
// param: top Integer 1..1000 = 20 -- how many organisations to list
MATCH (o:Organisation)-[:SENT]->(out:Transfer)
WHERE EXISTS { (:Transfer)-[:TO]->(o) }
WITH o, count(out) AS onwardTransfers, sum(coalesce(out.recordCount, 0)) AS recordsPassedOn
RETURN o.name AS organisation, o.types AS types, onwardTransfers, recordsPassedOn
ORDER BY onwardTransfers DESC, recordsPassedOn DESC, organisation
LIMIT $top
