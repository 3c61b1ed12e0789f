// Search: organisation names and aliases, folded to plain lower-case words by the write path
// (accents stripped, apostrophes dropped, other punctuation as spaces) into `searchText`; a query is
// folded the same way. No stop words: "and" in "Mother and Baby" is part of a name.
CREATE FULLTEXT INDEX organisation_search IF NOT EXISTS
FOR (n:Organisation) ON EACH [n.name, n.searchText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false } };

// Traces bounded by `since` / `until` filter transfers by date.
CREATE RANGE INDEX transfer_date IF NOT EXISTS FOR (n:Transfer) ON (n.date);

// Timelines and reports order enforcement actions and events by date.
CREATE RANGE INDEX enforcement_action_date IF NOT EXISTS FOR (n:EnforcementAction) ON (n.date);
CREATE RANGE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date);

