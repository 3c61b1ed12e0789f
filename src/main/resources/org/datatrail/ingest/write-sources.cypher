// Sources: the publications that evidence quotes come from. A source is not public unless its record says so
// (journalists then read the quotes and their context, but not the whole of its attached document).
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
  ON CREATE SET s.recordedAt = datetime()
SET s.title = row.title, s.publisher = row.publisher, s.published = date(row.published),
    s.url = row.url, s.note = row.note, s.public = coalesce(row.public, false)
