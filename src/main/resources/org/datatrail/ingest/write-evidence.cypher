// Evidence: (fact)-[:SUPPORTED_BY]->(evidence {quote})-[:CITES]->(source). Evidence is only ever added;
// its id is derived from fact, source and quote, so the same quote recorded twice is one node.
UNWIND $rows AS row
MATCH (f:Fact {id: row.factId})
UNWIND row.evidence AS item
MATCH (s:Source {id: item.source})
MERGE (e:Evidence {id: item.id})
  ON CREATE SET e.quote = item.quote, e.recordedAt = datetime()
MERGE (e)-[:CITES]->(s)
MERGE (f)-[:SUPPORTED_BY]->(e)
