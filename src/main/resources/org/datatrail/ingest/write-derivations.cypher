// Derivations: (source dataset)-[:FEEDS]->(x:Derivation)-[:INTO]->(the dataset made from it). Run after every
// dataset of the input exists, so a source may come later in the input. A dataset's derivations are made to match
// its record: one it no longer lists is deleted with the evidence that supported only it (evidence ids are derived
// from the fact's id, so that evidence is the derivation's own), and the same derivation listed again is merged by id.
UNWIND $rows AS row
MATCH (d:Dataset {id: row.id})
CALL (d, row) {
  MATCH (x:Derivation)-[:INTO]->(d)
  WHERE NOT x.id IN [y IN row.derivedFrom | y.id]
  WITH x, [(x)-[:SUPPORTED_BY]->(e:Evidence) WHERE COUNT { (e)<-[:SUPPORTED_BY]-() } = 1 | e] AS own
  FOREACH (e IN own | DETACH DELETE e)
  DETACH DELETE x
}
CALL (d, row) {
  UNWIND row.derivedFrom AS y
  MATCH (s:Dataset {id: y.source})
  MERGE (x:Derivation {id: y.id})
    ON CREATE SET x:Fact, x.recordedAt = datetime()
  SET x.kind = y.kind, x.date = date(y.date), x.hedges = y.hedges
  WITH d, s, x
  CALL (x, s) {
    MATCH (o)-[r:FEEDS]->(x) WHERE o <> s DELETE r
  }
  CALL (x, d) {
    MATCH (x)-[r:INTO]->(o) WHERE o <> d DELETE r
  }
  MERGE (s)-[:FEEDS]->(x)
  MERGE (x)-[:INTO]->(d)
}
