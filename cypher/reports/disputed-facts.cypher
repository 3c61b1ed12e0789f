// title: Disputed facts
// answers: Where sources disagree about a fact, or garble it: every claim side by side, one row per claim, with its evidence. Nothing is resolved here; the fact's recorded value is shown for comparison.
// param: kind String = null -- only DISAGREEMENT or TRANSCRIPTION_ERROR; both when empty
// param: about Fact = null -- only disputes about this fact (its id); every fact when empty
MATCH (d:Dispute)-[:ABOUT]->(fact:Fact)
WHERE ($kind IS NULL OR d.kind = $kind) AND ($about IS NULL OR fact.id = $about)
MATCH (d)-[:HAS_CLAIM]->(claim:Claim)
RETURN d.subject AS subject, d.kind AS kind, fact.id AS fact,
       [l IN labels(fact) WHERE l <> 'Fact'][0] AS factType, d.field AS field,
       CASE WHEN fact[d.field] IS NULL THEN null ELSE toString(fact[d.field]) END AS recordedValue,
       claim.value AS claim, claim.note AS claimNote,
       COLLECT { MATCH (claim)-[:SUPPORTED_BY]->(e:Evidence)-[:CITES]->(s:Source) RETURN s.id + ': ' + e.quote ORDER BY s.id, e.quote } AS evidence
ORDER BY subject, claim
