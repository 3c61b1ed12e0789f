// Shared filters of the traces, on chains given as `transfers` and `orgs`.

// query: simple
// Keep simple chains only (no organisation twice). Follows a `WHERE <condition>`.
  AND all(i IN range(0, size(orgs) - 2) WHERE NOT orgs[i] IN orgs[i + 1..])

// query: purpose
// The purpose filter: a chain is kept when one of its transfers was for $purpose, or its last receiver ran a
// campaign for it.
WITH transfers, orgs, last(orgs) AS endOrg, last(transfers) AS lastTransfer
WHERE $purpose IS NULL
   OR any(x IN transfers WHERE EXISTS { (x)-[:FOR]->(:Purpose {id: $purpose}) })
   OR EXISTS { (endOrg)-[:RAN]->(:Campaign)-[:FOR]->(:Purpose {id: $purpose}) }
WITH transfers, orgs
