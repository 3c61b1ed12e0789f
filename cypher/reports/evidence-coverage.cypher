// title: Evidence coverage
// answers: The weak spots of the evidence: facts that rest on a single source (however many quotes), and sources that no fact cites.
// param: findings String = null -- only 'single source' or 'uncited source'; both when empty
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
           sources[0].id AS source, quotes
  UNION ALL
    MATCH (s:Source)
    WHERE NOT EXISTS { (s)<-[:CITES]-(:Evidence) }
    RETURN 'uncited source' AS finding, 'Source' AS type, s.id AS id, s.title AS fact, s.id AS source, 0 AS quotes
}
WITH *
WHERE $findings IS NULL OR finding = $findings
RETURN finding, type, id, fact, source, quotes
ORDER BY finding, type, fact, id
