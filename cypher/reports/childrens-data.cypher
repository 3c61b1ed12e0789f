// title: Children's data
// answers: Every whole chain along which data about children moved, by the lineage rule the traces follow (each hop carried on the data of the hop before, or data made from it, and no date says otherwise): from the organisation that collected the dataset to the last organisation the data reached, and who holds it now: everyone on the chain except those with a recorded deletion of the data they received.
// param: from Organisation = null -- only chains that start at this organisation (its id); every collector of children's data when empty
// lineage: transfers
// keep: whole data chains
// Collected data only: a dataset made from other data is where its sources' chains lead, not a start of its own.
MATCH (holder:Organisation)-[:HOLDS]->(origin:Dataset)
WHERE ($from IS NULL OR holder.id = $from)
  AND EXISTS { (origin)-[:HAS_CATEGORY]->(:DataCategory {concernsChildren: true}) }
  AND NOT EXISTS { (origin)<-[:INTO]-(:Derivation) }
// Chains of transfers of children's data up to 8 hops, as traces allow; the runner keeps those that follow the data.
MATCH (holder)(
    (:Organisation)-[:SENT]->(t:Transfer)-[:TO]->(o:Organisation)
    WHERE EXISTS { (t)-[:CARRIES]->(:Dataset)-[:HAS_CATEGORY]->(:DataCategory {concernsChildren: true}) }
  ){1,8}
WITH origin, t AS chainTransfers, [holder] + o AS orgs
WITH origin, chainTransfers, orgs, last(orgs) AS endOrg, chainTransfers[0] AS first
WHERE (first)-[:CARRIES]->(origin)
  AND all(i IN range(0, size(orgs) - 2) WHERE NOT orgs[i] IN orgs[i + 1..])
WITH origin, chainTransfers, orgs, endOrg,
     [origin] + [x IN chainTransfers | [(x)-[:CARRIES]->(d:Dataset) | d][0]] AS received
// What each organisation on the chain holds: the holder its own dataset, each receiver what it was sent.
WITH origin, chainTransfers, orgs, endOrg, [i IN range(0, size(orgs) - 1) | {org: orgs[i], data: received[i]}] AS holdings
WITH origin, chainTransfers, orgs, endOrg,
     [h IN holdings | h {.org, deleted: EXISTS {
        MATCH (e:Event {kind: 'DELETION'})-[:INVOLVES]->(x:Organisation), (e)-[:CONCERNS]->(y:Dataset)
        WHERE x = h.org AND y = h.data }}] AS holdings
RETURN origin.name AS dataset,
       COLLECT { MATCH (origin)-[:HAS_CATEGORY]->(c:DataCategory {concernsChildren: true}) RETURN c.name ORDER BY c.name } AS childrensData,
       reduce(s = orgs[0].name, x IN tail(orgs) | s + ' -> ' + x.name) AS chain,
       size(chainTransfers) AS hops,
       [x IN chainTransfers | x.id] AS transfers,
       endOrg.name AS lastReceiver,
       [h IN holdings WHERE NOT h.deleted | h.org.name] AS heldNowBy,
       [h IN holdings WHERE h.deleted | h.org.name] AS deletedBy
// A chain right before its extensions, as `keep: whole data chains` needs.
ORDER BY dataset, transfers
