package org.datatrail.system;

import java.net.URI;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.neo4j.autoconfigure.Neo4jProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded database when {@code spring.neo4j.uri} is not set, and points Boot's Driver at its
 * Bolt port. With a URI set, nothing here exists and Boot connects the Driver to that server, Aura or cluster.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoNeo4jUriCondition.class)
class EmbeddedNeo4jConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedNeo4j embeddedNeo4j(DataTrailProperties properties, Neo4jProperties neo4j) {
        String configuredPassword = neo4j.getAuthentication().getPassword(); // spring.neo4j.authentication.password
        if (!properties.createDatabase() && !DataDirectory.holdsDatabase(properties.dataDir())) {
            throw new DataDirectoryException.NoDatabase(properties.dataDir().toAbsolutePath().normalize() + " holds no DataTrail database, and this "
                    + "command works on an existing one: point --datatrail.data-dir at the folder the app runs on (or --spring.neo4j.uri at its "
                    + "server); the server, seed and import create a new one");
        }
        return EmbeddedNeo4j.start(properties.dataDir(), properties.neo4j(), configuredPassword);
    }

    @Bean
    Neo4jConnectionDetails embeddedNeo4jConnectionDetails(EmbeddedNeo4j neo4j) {
        return new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                return neo4j.boltUri();
            }

            @Override
            public AuthToken getAuthToken() {
                return AuthTokens.basic(EmbeddedNeo4j.USER, neo4j.password());
            }
        };
    }
}
