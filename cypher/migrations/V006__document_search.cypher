// Document search: each attached document is cut into passages, (:Document)-[:HAS_PASSAGE]->(:Passage {source, start,
// end, text, searchText}), whose text is folded as organisation names are (lower case, accents stripped, apostrophes
// dropped, other punctuation as spaces), so that "Emma’s Diary" and "emmas diary" meet; a query is folded the same way.
// No stop words, as for organisation search: "and" in "Mother and Baby" is part of a name.
CREATE FULLTEXT INDEX passage_search IF NOT EXISTS
FOR (n:Passage) ON EACH [n.searchText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false } };
