// What a trace's filter values name, checked before the trace runs: a trace filtered by a value that names nothing
// would walk every chain only to keep none (to the query timeout on a large network).

// query: known
// Whether $purpose (a purpose id) and $category (a data category id or name, case aside) name something; a null
// parameter is no filter and counts as known.
RETURN $purpose IS NULL OR EXISTS { MATCH (:Purpose {id: $purpose}) } AS purposeKnown,
       $category IS NULL OR EXISTS { MATCH (c:DataCategory) WHERE c.id = $category OR toLower(c.name) = toLower($category) }
         AS categoryKnown

// query: purposes
// The purpose ids, for the message that refuses an unknown one.
MATCH (p:Purpose)
RETURN p.id AS id ORDER BY id LIMIT $limit

// query: categories
// The data category ids, for the message that refuses an unknown one.
MATCH (c:DataCategory)
RETURN c.id AS id ORDER BY id LIMIT $limit
