// Consents and privacy notices: what the data subjects were told, or agreed to, at collection; a version is in
// force from validFrom until validUntil, where the sources say.
UNWIND $rows AS row
MERGE (c:Consent {id: row.id})
  ON CREATE SET c:Fact, c.recordedAt = datetime()
SET c.title = row.title, c.kind = row.kind, c.channels = coalesce(row.channels, []), c.validFrom = date(row.validFrom),
    c.validUntil = date(row.validUntil), c.hedges = row.hedges
WITH c, row
CALL (c, row) {
  MATCH (c)-[r:PERMITS]->(p) WHERE NOT p.id IN row.permittedPurposes DELETE r
}
CALL (c, row) {
  UNWIND row.permittedPurposes AS purpose
  MATCH (p:Purpose {id: purpose})
  MERGE (c)-[:PERMITS]->(p)
}
CALL (c, row) {
  MATCH (o)-[r:ISSUED]->(c) WHERE row.issuedBy IS NULL OR o.id <> row.issuedBy DELETE r
}
CALL (c, row) {
  MATCH (o:Organisation {id: row.issuedBy})
  MERGE (o)-[:ISSUED]->(c)
}
