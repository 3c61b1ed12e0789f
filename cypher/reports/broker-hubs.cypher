// title: Broker hubs
// answers: Organisations ranked by onward transfers (transfers they sent of data they had received) and records passed on (a sum of the counts the sources give: empty when none is known, said in words, exactly, at least or unknown, and flagged in countIsLowerBound where it is only a floor).
// param: top Integer 1..1000 = 20 -- how many organisations to list
MATCH (o:Organisation)-[:SENT]->(out:Transfer)
WHERE EXISTS { (:Transfer)-[:TO]->(o) }
WITH o, collect(out) AS sent
// the counts the sources give, null when they give none (unknown is never 0), and in words
WITH o, sent, size(sent) AS onwardTransfers, CASE WHEN any(x IN sent WHERE x.recordCount IS NOT NULL) THEN reduce(n = 0, x IN sent | n + coalesce(x.recordCount, 0)) END AS recordsPassedOn
RETURN o.name AS organisation, o.types AS types, onwardTransfers, recordsPassedOn,
       CASE
         WHEN size([x IN sent WHERE x.recordCount IS NOT NULL]) = 0
           THEN 'unknown: ' + size(sent) + CASE size(sent) WHEN 1 THEN ' transfer' ELSE ' transfers' END + ' of unknown size'
         WHEN any(x IN sent WHERE x.recordCount IS NULL)
           THEN 'at least ' + recordsPassedOn + '; ' + size([x IN sent WHERE x.recordCount IS NULL])
                + CASE size([x IN sent WHERE x.recordCount IS NULL]) WHEN 1 THEN ' transfer' ELSE ' transfers' END + ' of unknown size'
         WHEN any(x IN sent WHERE x.recordCountIsLowerBound)
           THEN 'at least ' + recordsPassedOn + ' (a source gives a lower bound)'
         ELSE 'exactly ' + recordsPassedOn
       END AS recordsPassedOnAre,
       // whether recordsPassedOn is only a floor: a transfer of unknown size, or a source's "more than"
       any(x IN sent WHERE x.recordCount IS NULL OR x.recordCountIsLowerBound) AS countIsLowerBound
ORDER BY onwardTransfers DESC, coalesce(recordsPassedOn, -1) DESC, organisation
LIMIT $top
