package org.datatrail.support;

/** Ids of the seed case's main facts, as the seed files spell them. */
public final class SeedCase {

    public static final String LIFECYCLE_MARKETING = "lifecycle-marketing";
    public static final String EXPERIAN_MARKETING_SERVICES = "experian-marketing-services";
    public static final String LABOUR_PARTY = "labour-party";
    public static final String ICO = "ico";

    /** The chain supplier -> broker -> party, with the ids of both transfers, by Cypher. */
    public static final String CHAIN = """
            MATCH (s:Organisation {id: 'lifecycle-marketing'})-[:SENT]->(t1:Transfer)-[:TO]->(b:Organisation)
                  -[:SENT]->(t2:Transfer)-[:TO]->(p:Organisation {id: 'labour-party'})
            RETURN s.name AS supplier, b.id AS broker, p.name AS party, t1.date AS date, t1.id AS first, t2.id AS second
            """;

    private SeedCase() {
    }
}
