package org.datatrail.system;

import org.neo4j.driver.Driver;
import org.neo4j.ogm.config.Configuration;
import org.neo4j.ogm.drivers.bolt.driver.BoltDriver;
import org.neo4j.ogm.session.SessionFactory;
import org.springframework.context.annotation.Bean;

/**
 * Neo4j OGM over the application's one Driver (Boot has no OGM auto-configuration). Entities live in the
 * feature packages under {@code org.datatrail}; dates are Neo4j's native {@code DATE} values.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class Neo4jOgmConfiguration {

    @Bean(destroyMethod = "close")
    SessionFactory sessionFactory(Driver driver) {
        BoltDriver ogmDriver = new BoltDriver(driver);
        ogmDriver.configure(new Configuration.Builder().useNativeTypes().build());
        return new SessionFactory(ogmDriver, "org.datatrail");
    }
}
