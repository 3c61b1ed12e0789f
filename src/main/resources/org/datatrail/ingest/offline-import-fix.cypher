// After an offline import: a list whose items the importer's CSV cannot carry (an empty item, or one holding the
// array delimiter U+001F), set as the write statement would have set it.
UNWIND $rows AS row
MATCH (n:$(row.label) {id: row.id})
SET n[row.property] = row.value
