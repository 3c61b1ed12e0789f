// The start-up lock of DataTrail instances sharing one database (DatabaseLock): a lease on one node per lock name.

// query: constraint
// One node per lock name, so that concurrent MERGEs of the same name meet on one node instead of making two.
CREATE CONSTRAINT datatrail_lock_name IF NOT EXISTS FOR (l:DataTrailLock) REQUIRE l.name IS UNIQUE

// query: acquire
// Takes the lease when it is free, expired, or already ours. Setting `claim` first takes the node's write lock, so
// the holder read after it is the latest committed one: concurrent callers serialise here and exactly one wins.
MERGE (l:DataTrailLock {name: $name})
SET l.claim = $holder
WITH l
WITH l, l.holder AS was, l.holder IS NULL OR l.holder = $holder OR l.expires < datetime() AS free
SET l.holder = CASE WHEN free THEN $holder ELSE was END,
    l.since = CASE WHEN free AND coalesce(was, '') <> $holder THEN datetime() ELSE l.since END,
    l.expires = CASE WHEN free THEN datetime() + duration($lease) ELSE l.expires END
REMOVE l.claim
RETURN free, l.holder AS holder, toString(l.since) AS since, toString(l.expires) AS expires

// query: release
MATCH (l:DataTrailLock {name: $name})
WHERE l.holder = $holder
DELETE l
