// title: Children's data
// answers: Every chain of transfers that carries data about children (each transfer carries a dataset with a category that concerns children), from the organisation that holds the dataset to the last organisation it reached, and who holds it now: everyone on the chain except those with a recorded deletion of the data they received.
// param: from String = null -- only chains that start at this organisation (its id); every holder of children's data when empty
MATCH (holder:Organisation)-[:HOLDS]->(origin:Dataset)
WHERE ($from IS NULL OR holder.id = $from)
  AND EXISTS { (origin)-[:HAS_CATEGORY]->(:DataCategory {concernsChildren: true}) }
// The same hop rule as traceFlows(childrenOnly: true); chains up to 8 hops, as traces allow.
MATCH (holder)(
    (:Organisation)-[:SENT]->(t:Transfer)-[:TO]->(o:Organisation)
    WHERE EXISTS { (t)-[:CARRIES]->(:Dataset)-[:HAS_CATEGORY]->(:DataCategory {concernsChildren: true}) }
  ){1,8}
WITH origin, t AS transfers, [holder] + o AS orgs
WITH origin, transfers, orgs, transfers[0] AS first, last(orgs) AS endOrg
WHERE (first)-[:CARRIES]->(origin)
  AND all(i IN range(0, size(orgs) - 2) WHERE NOT orgs[i] IN orgs[i + 1..])
  // Whole chains only: the last organisation passed the children's data on to nobody new.
  AND NOT EXISTS {
    MATCH (endOrg)-[:SENT]->(next:Transfer)-[:TO]->(further:Organisation)
    WHERE NOT further IN orgs
      AND EXISTS { (next)-[:CARRIES]->(:Dataset)-[:HAS_CATEGORY]->(:DataCategory {concernsChildren: true}) }
  }
WITH origin, transfers, orgs, endOrg,
     [origin] + [x IN transfers | [(x)-[:CARRIES]->(d:Dataset) | d][0]] AS received
// What each organisation on the chain holds: the holder its own dataset, each receiver what it was sent.
WITH origin, transfers, orgs, endOrg, [i IN range(0, size(orgs) - 1) | {org: orgs[i], data: received[i]}] AS holdings
WITH origin, transfers, orgs, endOrg,
     [h IN holdings | h {.org, deleted: EXISTS {
        MATCH (e:Event {kind: 'DELETION'})-[:INVOLVES]->(x:Organisation), (e)-[:CONCERNS]->(y:Dataset)
        WHERE x = h.org AND y = h.data }}] AS holdings
RETURN origin.name AS dataset,
       COLLECT { MATCH (origin)-[:HAS_CATEGORY]->(c:DataCategory {concernsChildren: true}) RETURN c.name ORDER BY c.name } AS childrensData,
       reduce(s = orgs[0].name, x IN tail(orgs) | s + ' -> ' + x.name) AS chain,
       size(transfers) AS hops,
       [x IN transfers | x.id] AS transfers,
       endOrg.name AS lastReceiver,
       [h IN holdings WHERE NOT h.deleted | h.org.name] AS heldNowBy,
       [h IN holdings WHERE h.deleted | h.org.name] AS deletedBy
ORDER BY dataset, hops, chain
