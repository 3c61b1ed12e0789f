// Purposes: the vocabulary of uses. A purpose covers a narrower one only through an explicit INCLUDES.
UNWIND $rows AS row
MERGE (p:Purpose {id: row.id})
SET p.name = row.name, p.description = row.description
