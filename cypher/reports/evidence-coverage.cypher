// title: Evidence coverage
// answers: The weak spots of the evidence: facts that rest on a single source (however many quotes), sources that no fact cites, and quotes that the document since attached to their source does not hold (kept, never deleted: to fix or withdraw).
// param: findings String = null -- only 'single source', 'uncited source' or 'quote not found'; all when empty
CALL () {
    MATCH (fact:Fact)-[:SUPPORTED_BY]->(:Evidence)-[:CITES]->(s:Source)
    WITH fact, collect(DISTINCT s) AS sources, count(*) AS quotes
    WHERE size(sources) = 1
    RETURN 'single source' AS finding, [l IN labels(fact) WHERE l <> 'Fact'][0] AS type, fact.id AS id,
           CASE
             WHEN fact:Transfer THEN [(a:Organisation)-[:SENT]->(fact)-[:TO]->(b:Organisation) | a.name + ' -> ' + b.name][0]
             WHEN fact:Claim THEN [(d:Dispute)-[:HAS_CLAIM]->(fact) | d.subject + ': ' + fact.value][0]
             WHEN fact:EnforcementAction THEN [(fact)-[:AGAINST]->(o:Organisation) | fact.kind + ' against ' + o.name][0]
             ELSE coalesce(fact.name, fact.title, fact.description)
           END AS fact,
           sources[0].id AS source, quotes, null AS quote
  UNION ALL
    MATCH (s:Source)
    WHERE NOT EXISTS { (s)<-[:CITES]-(:Evidence) }
    RETURN 'uncited source' AS finding, 'Source' AS type, s.id AS id, s.title AS fact, s.id AS source, 0 AS quotes, null AS quote
  UNION ALL
    MATCH (fact:Fact)-[:SUPPORTED_BY]->(e:Evidence {check: 'NOT_FOUND'})-[:CITES]->(s:Source)
    RETURN 'quote not found' AS finding, [l IN labels(fact) WHERE l <> 'Fact'][0] AS type, fact.id AS id,
           CASE
             WHEN fact:Transfer THEN [(a:Organisation)-[:SENT]->(fact)-[:TO]->(b:Organisation) | a.name + ' -> ' + b.name][0]
             WHEN fact:Claim THEN [(d:Dispute)-[:HAS_CLAIM]->(fact) | d.subject + ': ' + fact.value][0]
             WHEN fact:EnforcementAction THEN [(fact)-[:AGAINST]->(o:Organisation) | fact.kind + ' against ' + o.name][0]
             ELSE coalesce(fact.name, fact.title, fact.description)
           END AS fact,
           s.id AS source, 1 AS quotes, e.quote AS quote
}
WITH *
WHERE $findings IS NULL OR finding = $findings
RETURN finding, type, id, fact, source, quotes, quote
ORDER BY finding, type, fact, id, quote
