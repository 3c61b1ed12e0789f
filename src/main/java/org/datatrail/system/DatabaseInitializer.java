package org.datatrail.system;

import java.time.Duration;
import java.util.List;

import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Brings the database up to date before the application serves anything: applies pending schema
 * migrations, then runs the features' {@link StartUpStep}s (the seed on an empty database), holding the
 * database's start-up {@link DatabaseLock} so that instances starting together do each once.
 */
@Component
class DatabaseInitializer implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(DatabaseInitializer.class);

    /** Longer than migrating and seeding take (index builds included), short enough that a killed starter blocks no one for long. */
    private static final Duration LEASE = Duration.ofMinutes(10);

    private final Driver driver;
    private final List<StartUpStep> steps;

    DatabaseInitializer(Driver driver, ObjectProvider<StartUpStep> steps) {
        this.driver = driver;
        this.steps = steps.orderedStream().toList();
    }

    @Override
    public void afterPropertiesSet() {
        long started = System.nanoTime();
        // Instances starting together against one database take turns: each migration and the seed happen once.
        try (DatabaseLock lock = DatabaseLock.acquire(driver, "start-up", LEASE)) {
            List<SchemaMigrations.Migration> applied = SchemaMigrations.fromClasspath(driver).migrate();
            log.info("Schema up to date ({} migration(s) applied now, in {} ms)", applied.size(), (System.nanoTime() - started) / 1_000_000);
            for (StartUpStep step : steps) {
                lock.renew();
                step.run();
            }
        }
    }
}
