// title: Exposure
// answers: Records reaching each organisation by transfer, by data category: for every transfer it received, the records of the dataset carried, counted under each of that dataset's categories, with the subject groups of the data that carried each category (a sum of the counts the sources give: empty when none is known, and said in words, exactly, at least or unknown).
// param: organisation Organisation = null -- only what reached this organisation (its id); every receiving organisation when empty
MATCH (t:Transfer)-[:TO]->(receiver:Organisation)
WHERE $organisation IS NULL OR receiver.id = $organisation
MATCH (t)-[:CARRIES]->(d:Dataset)-[:HAS_CATEGORY]->(c:DataCategory)
// One row per category, with the subject groups of the datasets that carried it: the facts say what a dataset holds
// and whom it is about, not which category is about which group, so a category is never paired with a group by
// guesswork (a mother's date of birth is not "about children under 5").
WITH receiver, c, collect(DISTINCT t) AS transfers, collect(d.subjectGroups) AS groups
WITH receiver, c, transfers, reduce(acc = [], g IN groups | acc + [x IN g WHERE NOT x IN acc]) AS subjectGroups
RETURN receiver.name AS organisation, c.name AS dataCategory, c.concernsChildren AS concernsChildren,
       COLLECT { UNWIND subjectGroups AS x RETURN x ORDER BY x } AS subjectGroupsOfTheData,
       size(transfers) AS transfers,
       // the counts the sources give, null when they give none (unknown is never 0), and in words
       CASE WHEN any(x IN transfers WHERE x.recordCount IS NOT NULL) THEN reduce(n = 0, x IN transfers | n + coalesce(x.recordCount, 0)) END AS records,
       CASE
         WHEN size([x IN transfers WHERE x.recordCount IS NOT NULL]) = 0
           THEN 'unknown: ' + size(transfers) + CASE size(transfers) WHEN 1 THEN ' transfer' ELSE ' transfers' END + ' of unknown size'
         WHEN any(x IN transfers WHERE x.recordCount IS NULL)
           THEN 'at least ' + CASE WHEN any(x IN transfers WHERE x.recordCount IS NOT NULL) THEN reduce(n = 0, x IN transfers | n + coalesce(x.recordCount, 0)) END + '; ' + size([x IN transfers WHERE x.recordCount IS NULL])
                + CASE size([x IN transfers WHERE x.recordCount IS NULL]) WHEN 1 THEN ' transfer' ELSE ' transfers' END + ' of unknown size'
         WHEN any(x IN transfers WHERE x.recordCountIsLowerBound)
           THEN 'at least ' + CASE WHEN any(x IN transfers WHERE x.recordCount IS NOT NULL) THEN reduce(n = 0, x IN transfers | n + coalesce(x.recordCount, 0)) END + ' (a source gives a lower bound)'
         ELSE 'exactly ' + CASE WHEN any(x IN transfers WHERE x.recordCount IS NOT NULL) THEN reduce(n = 0, x IN transfers | n + coalesce(x.recordCount, 0)) END
       END AS recordsAre,
       any(x IN transfers WHERE x.recordCount IS NULL OR x.recordCountIsLowerBound) AS countIsLowerBound
ORDER BY organisation, coalesce(records, -1) DESC, dataCategory
