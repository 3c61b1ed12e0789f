// title: Enforcement
// answers: Enforcement actions by regulator, against whom, of what kind, for how much, when.
// param: regulator Organisation = null -- only this regulator's actions (its id); every regulator when empty
MATCH (r:Organisation)-[:TOOK]->(a:EnforcementAction)-[:AGAINST]->(o:Organisation)
WHERE $regulator IS NULL OR r.id = $regulator
RETURN r.name AS regulator, o.name AS against, a.kind AS kind, a.amount AS amount, a.currency AS currency,
       a.date AS date, a.legalFinding AS finding,
       COLLECT { MATCH (a)-[:SUPPORTED_BY]->(e:Evidence)-[:CITES]->(s:Source) RETURN s.id + ': ' + e.quote } AS evidence
ORDER BY regulator, date, against
