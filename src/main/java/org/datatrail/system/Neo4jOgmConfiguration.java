package org.datatrail.system;

import org.neo4j.driver.Driver;
import org.neo4j.ogm.config.Configuration;
import org.neo4j.ogm.drivers.bolt.driver.BoltDriver;
import org.neo4j.ogm.session.SessionFactory;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;

/**
 * Neo4j OGM over the application's one Driver (Boot has no OGM auto-configuration). Entities live in the
 * feature packages under {@code org.datatrail}; dates are Neo4j's native {@code DATE} values.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class Neo4jOgmConfiguration {

    @Bean
    SessionFactory sessionFactory(Driver driver, Neo4jConnectionDetails connection, DataTrailProperties settings) {
        // OGM's reads get the bookmark manager and the query timeout the Driver's reads have (OgmReadDefaults)
        SharedBoltDriver ogmDriver = new SharedBoltDriver(OgmReadDefaults.wrap(driver, settings.api().queryTimeout()));
        // OGM switches on native types only in configure(), which wants the URI the Driver was built for
        ogmDriver.configure(new Configuration.Builder().uri(connection.getUri().toString()).useNativeTypes().build());
        return new SessionFactory(ogmDriver, "org.datatrail");
    }

    /**
     * OGM's Bolt transport over a Driver it does not own: Spring Boot created the Driver and closes it, so
     * OGM must not (its {@code configure} and {@code close} would otherwise shut it down).
     */
    static final class SharedBoltDriver extends BoltDriver {

        SharedBoltDriver(Driver driver) {
            super(driver);
        }

        @Override
        public synchronized void close() {
            // the Driver belongs to the application context
        }
    }
}
