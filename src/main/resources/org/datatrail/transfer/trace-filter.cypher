// Shared filter of every trace, applied to the chains of one length: keep simple chains only (no
// organisation twice) and apply the purpose filter. Follows a `WHERE <condition>` on transfers and orgs.
  AND all(i IN range(0, size(orgs) - 2) WHERE NOT orgs[i] IN orgs[i + 1..])
WITH transfers, orgs, last(orgs) AS endOrg, last(transfers) AS lastTransfer
WHERE $purpose IS NULL
   OR any(x IN transfers WHERE EXISTS { (x)-[:FOR]->(:Purpose {id: $purpose}) })
   OR EXISTS { (endOrg)-[:RAN]->(:Campaign)-[:FOR]->(:Purpose {id: $purpose}) }
WITH transfers, orgs, endOrg, lastTransfer
