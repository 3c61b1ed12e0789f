// title: Exposure
// answers: Records reaching each organisation by transfer, by data category: for every transfer it received, the records of the dataset carried, counted under each of that dataset's categories (a sum of the counts the sources give: empty when none is known, and said in words, exactly, at least or unknown), with the subject groups the carrying datasets say that category is about and the carrying datasets that do not say (said in words too: exactly, at least or unknown).
// param: organisation Organisation = null -- only what reached this organisation (its id); every receiving organisation when empty
MATCH (t:Transfer)-[:TO]->(receiver:Organisation)
WHERE $organisation IS NULL OR receiver.id = $organisation
MATCH (t)-[:CARRIES]->(d:Dataset)-[has:HAS_CATEGORY]->(c:DataCategory)
// One row per category. Whom it is about is what each carrying dataset pairs it with (its HAS_CATEGORY's `about`), and
// nothing else: a dataset that does not pair it is named as not saying, never read as "about all of its groups" (a
// mother's date of birth is not "about children under 5").
WITH receiver, c, collect(DISTINCT t) AS transfers, collect(DISTINCT {id: d.id, name: d.name, about: has.about}) AS carriers
WITH receiver, c, transfers, carriers, [x IN carriers WHERE x.about IS NULL] AS silent,
     COLLECT { UNWIND carriers AS x UNWIND coalesce(x.about, []) AS g RETURN DISTINCT g ORDER BY g } AS subjectGroups
RETURN receiver.name AS organisation, c.name AS dataCategory, c.concernsChildren AS concernsChildren,
       subjectGroups,
       COLLECT { UNWIND silent AS x RETURN x.name ORDER BY x.name } AS aboutNotStatedBy,
       CASE
         WHEN size(silent) = size(carriers)
           THEN 'unknown: ' + size(silent) + CASE size(silent) WHEN 1 THEN ' dataset does' ELSE ' datasets do' END + ' not say whom it is about'
         WHEN size(silent) > 0
           THEN 'at least ' + reduce(s = '', g IN subjectGroups | s + CASE s WHEN '' THEN '' ELSE ', ' END + g) + '; ' + size(silent) + ' of '
                + size(carriers) + ' datasets' + CASE size(silent) WHEN 1 THEN ' does' ELSE ' do' END + ' not say whom it is about'
         ELSE 'exactly ' + reduce(s = '', g IN subjectGroups | s + CASE s WHEN '' THEN '' ELSE ', ' END + g)
       END AS subjectGroupsAre,
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
