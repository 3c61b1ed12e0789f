// Lineage: a dataset made from another is linked through a Derivation fact,
// (source:Dataset)-[:FEEDS]->(x:Derivation)-[:INTO]->(derived:Dataset). The write path merges derivations
// by id; this constraint is also the index that MERGE uses. (:Fact's fact_id keeps the id unique across kinds.)
CREATE CONSTRAINT derivation_id IF NOT EXISTS FOR (n:Derivation) REQUIRE n.id IS UNIQUE;
