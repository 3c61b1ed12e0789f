// After an offline import: the empty lists Neo4j's importer cannot write. The write statements store these
// three properties as `coalesce(row.x, [])`, so on a freshly imported store a missing one always means [].
// (A source's `public` needs no default: its CSV column always has a value, false unless the record says true.)
// Each runs as its own auto-commit statement, in transactions of 10,000 nodes.

// query: aliases
MATCH (o:Organisation) WHERE o.aliases IS NULL
CALL (o) { SET o.aliases = [] } IN TRANSACTIONS OF 10000 ROWS

// query: channels
MATCH (c:Consent) WHERE c.channels IS NULL
CALL (c) { SET c.channels = [] } IN TRANSACTIONS OF 10000 ROWS

// query: collectionChannels
MATCH (d:Dataset) WHERE d.collectionChannels IS NULL
CALL (d) { SET d.collectionChannels = [] } IN TRANSACTIONS OF 10000 ROWS
