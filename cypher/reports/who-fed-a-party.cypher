// title: Who fed a party
// answers: Every organisation connected to each political party by chains of transfers (each sent by the receiver of the one before, no organisation twice, up to 8 hops): the fewest hops and the route they take, how many chains, the records the supplier sent into those chains and the records that arrived at the party by them (sums of the counts the sources give: empty when none is known, and said in words, exactly, at least or unknown). These are connections between organisations: they do not show that the same data moved on (for that, trace upstream(to:) in the API, which follows the data, or the childrens-data report).
// param: party Organisation = null -- only this party (its id); every organisation of type POLITICAL_PARTY when empty
MATCH (party:Organisation)
WHERE 'POLITICAL_PARTY' IN party.types AND ($party IS NULL OR party.id = $party)
// The chain rule of upstream(follow: CONNECTION): organisations linked by transfers, whatever data each carried.
MATCH (supplier:Organisation)(
    (:Organisation)-[:SENT]->(t:Transfer)-[:TO]->(o:Organisation)
  ){1,8}(party)
WITH party, supplier, t AS transfers, [supplier] + o AS orgs
WHERE all(i IN range(0, size(orgs) - 2) WHERE NOT orgs[i] IN orgs[i + 1..])
WITH party, supplier, transfers, orgs ORDER BY size(transfers), [x IN transfers | x.id]
WITH party, supplier, collect({transfers: transfers, orgs: orgs}) AS chains
WITH party, supplier, chains,
     reduce(acc = [], c IN chains | CASE WHEN c.transfers[0] IN acc THEN acc ELSE acc + c.transfers[0] END) AS sent,
     reduce(acc = [], c IN chains | CASE WHEN last(c.transfers) IN acc THEN acc ELSE acc + last(c.transfers) END) AS arrived
// A sum is of the counts the sources give, null when they give none (unknown is never 0), and said in words: exactly n,
// at least n (a lower bound, or k transfers of unknown size), or unknown.
WITH party, supplier, chains, sent, arrived, CASE WHEN any(x IN sent WHERE x.recordCount IS NOT NULL) THEN reduce(n = 0, x IN sent | n + coalesce(x.recordCount, 0)) END AS recordsSent, CASE WHEN any(x IN arrived WHERE x.recordCount IS NOT NULL) THEN reduce(n = 0, x IN arrived | n + coalesce(x.recordCount, 0)) END AS recordsArrived
RETURN party.name AS party, supplier.name AS supplier, supplier.types AS supplierTypes,
       size(chains[0].transfers) AS hops,
       reduce(s = chains[0].orgs[0].name, x IN tail(chains[0].orgs) | s + ' -> ' + x.name) AS shortestRoute,
       size(chains) AS chains,
       recordsSent,
       CASE
         WHEN size([x IN sent WHERE x.recordCount IS NOT NULL]) = 0
           THEN 'unknown: ' + size(sent) + CASE size(sent) WHEN 1 THEN ' transfer' ELSE ' transfers' END + ' of unknown size'
         WHEN any(x IN sent WHERE x.recordCount IS NULL)
           THEN 'at least ' + recordsSent + '; ' + size([x IN sent WHERE x.recordCount IS NULL])
                + CASE size([x IN sent WHERE x.recordCount IS NULL]) WHEN 1 THEN ' transfer' ELSE ' transfers' END + ' of unknown size'
         WHEN any(x IN sent WHERE x.recordCountIsLowerBound)
           THEN 'at least ' + recordsSent + ' (a source gives a lower bound)'
         ELSE 'exactly ' + recordsSent
       END AS recordsSentAre,
       recordsArrived,
       CASE
         WHEN size([x IN arrived WHERE x.recordCount IS NOT NULL]) = 0
           THEN 'unknown: ' + size(arrived) + CASE size(arrived) WHEN 1 THEN ' transfer' ELSE ' transfers' END + ' of unknown size'
         WHEN any(x IN arrived WHERE x.recordCount IS NULL)
           THEN 'at least ' + recordsArrived + '; ' + size([x IN arrived WHERE x.recordCount IS NULL])
                + CASE size([x IN arrived WHERE x.recordCount IS NULL]) WHEN 1 THEN ' transfer' ELSE ' transfers' END + ' of unknown size'
         WHEN any(x IN arrived WHERE x.recordCountIsLowerBound)
           THEN 'at least ' + recordsArrived + ' (a source gives a lower bound)'
         ELSE 'exactly ' + recordsArrived
       END AS recordsArrivedAre,
       any(x IN sent + arrived WHERE x.recordCount IS NULL OR x.recordCountIsLowerBound) AS countsAreLowerBounds
ORDER BY party, hops, supplier
