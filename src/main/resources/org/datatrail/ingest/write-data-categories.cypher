// Data categories: kinds of personal data, flagged where they are about children.
UNWIND $rows AS row
MERGE (c:DataCategory {id: row.id})
SET c.name = row.name, c.concernsChildren = row.concernsChildren
