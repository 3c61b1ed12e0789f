// Sources: the publications that evidence quotes come from.
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
  ON CREATE SET s.recordedAt = datetime()
SET s.title = row.title, s.publisher = row.publisher, s.published = date(row.published),
    s.url = row.url, s.note = row.note
