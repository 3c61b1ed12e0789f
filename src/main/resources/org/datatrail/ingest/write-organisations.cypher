// Organisations; `searchText` is the folded name + aliases that the full-text index searches.
UNWIND $rows AS row
MERGE (o:Organisation {id: row.id})
  ON CREATE SET o:Fact, o.recordedAt = datetime()
SET o.name = row.name, o.aliases = coalesce(row.aliases, []), o.types = row.types,
    o.description = row.description, o.searchText = row.searchText, o.hedges = row.hedges
