// The statement of every nested list read a page at a time (org.datatrail.system.PagedList).

// query: page
// One page of a nested list for each key of $keys ({i, parent, after, first}): the members of key.parent, in the
// order of their sortKey (a list whose last element is unique, so the order is total), after the member whose id is
// key.after (keyset paging: the next page starts right after that member's place, whatever was written meanwhile).
// /*members*/ is the list's own subquery: given `key`, it returns each `item` of key.parent's list and its `sortKey`.
// `afterFound` is false when key.after names no member of this parent's list (vanished, another parent's, another
// list's): the caller refuses that cursor rather than start again at the first page.
// LIMIT takes no per-row value, so each parent's page is read with LIMIT $most (the largest `first` of the batch,
// at most 100) and cut to its own `first`: never more than one page a parent, however long its list.
UNWIND $keys AS key
OPTIONAL CALL (key) {
  CALL (key) {
    /*members*/
  }
  WITH key, item, sortKey
  WHERE item.id = key.after
  RETURN sortKey AS afterKey
  LIMIT 1
}
CALL (key, afterKey) {
  CALL (key) {
    /*members*/
  }
  WITH key, afterKey, item, sortKey
  WHERE key.after IS NULL OR sortKey > afterKey
  WITH item, sortKey
  ORDER BY sortKey
  LIMIT $most
  RETURN collect(item.id) AS items
}
RETURN key.i AS i, items[..key.first] AS items, key.after IS NULL OR afterKey IS NOT NULL AS afterFound
