// title: Exposure
// answers: Records reaching each organisation by transfer, by data category and subject group: for every transfer it received, the records of the dataset carried, counted under each of that dataset's categories and subject groups.
// param: organisation String = null -- only what reached this organisation (its id); every receiving organisation when empty
MATCH (t:Transfer)-[:TO]->(receiver:Organisation)
WHERE $organisation IS NULL OR receiver.id = $organisation
MATCH (t)-[:CARRIES]->(d:Dataset)-[:HAS_CATEGORY]->(c:DataCategory)
UNWIND d.subjectGroups AS subjectGroup
WITH receiver, c, subjectGroup, collect(DISTINCT t) AS transfers
RETURN receiver.name AS organisation, c.name AS dataCategory, c.concernsChildren AS concernsChildren, subjectGroup,
       size(transfers) AS transfers,
       reduce(n = 0, x IN transfers | n + coalesce(x.recordCount, 0)) AS records,
       any(x IN transfers WHERE x.recordCount IS NULL OR x.recordCountIsLowerBound) AS countIsLowerBound
ORDER BY organisation, records DESC, dataCategory, subjectGroup
