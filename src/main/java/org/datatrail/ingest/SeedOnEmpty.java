package org.datatrail.ingest;

import org.datatrail.system.DataTrailProperties;
import org.datatrail.system.StartUpStep;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * At start-up, after the schema migrations: loads the seed ({@code datatrail.seed.location}) if the database holds no
 * facts yet and {@code datatrail.seed.on-empty} is on.
 */
@Component
class SeedOnEmpty implements StartUpStep {

    private static final Logger log = LoggerFactory.getLogger(SeedOnEmpty.class);

    private final Driver driver;
    private final SeedLoader seedLoader;
    private final DataTrailProperties.Seed seed;

    SeedOnEmpty(Driver driver, SeedLoader seedLoader, DataTrailProperties properties) {
        this.driver = driver;
        this.seedLoader = seedLoader;
        this.seed = properties.seed();
    }

    @Override
    public void run() {
        if (seed.onEmpty() && holdsNoFacts()) {
            FactWriter.Changes changes = seedLoader.load(seed.location());
            log.info("Empty database: loaded the seed from {} ({} nodes, {} relationships)", seed.location(), changes.nodesCreated(),
                    changes.relationshipsCreated());
        }
    }

    private boolean holdsNoFacts() {
        return driver.executableQuery("MATCH (f:Fact) RETURN f LIMIT 1").execute().records().isEmpty();
    }
}
