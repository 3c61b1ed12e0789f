// Evidence: (fact)-[:SUPPORTED_BY]->(evidence {quote})-[:CITES]->(source). Evidence is only ever added;
// its id is derived from fact, source and quote, so the same quote recorded twice is one node. Where the quote stands
// in its source's document (offsets into the stored text, the sentence around it) is set on every write: FOUND when
// the source has a document (the validator has refused any quote not in it), UNCHECKED when it has none.
UNWIND $rows AS row
MATCH (f:Fact {id: row.factId})
UNWIND row.evidence AS item
MATCH (s:Source {id: item.source})
MERGE (e:Evidence {id: item.id})
  ON CREATE SET e.quote = item.quote, e.recordedAt = datetime()
SET e.check = item.check, e.start = item.start, e.end = item.end, e.context = item.context
MERGE (e)-[:CITES]->(s)
MERGE (f)-[:SUPPORTED_BY]->(e)
