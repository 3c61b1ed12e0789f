package org.datatrail.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.datatrail.support.DataTrailTest;
import org.datatrail.support.DataTrailTest.Seed;
import org.datatrail.support.Testers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import graphql.introspection.Introspection;

/** A public deployment switches off introspection and the explorer; queries still work. */
@DataTrailTest(seed = Seed.SMALL, properties = { "spring.graphql.schema.introspection.enabled=false", "datatrail.graphiql.enabled=false" })
// alone, and introspection switched back on after it: Spring Boot switches it off for the whole JVM
// (graphql-java's Introspection.enabledJvmWide), which every other app in the test JVM would see
@Isolated
class PublicDeploymentIntegrationTests {

    @AfterAll
    static void switchIntrospectionBackOnForTheOtherApps() {
        Introspection.enabledJvmWide(true);
    }

    @LocalServerPort
    int port;

    @Test
    void introspectionAndTheExplorerAreOff() {
        Testers.graphQl(port).document("{ __schema { queryType { name } } }").execute().errors()
            .satisfy(errors -> assertThat(errors).isNotEmpty());
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build().get().uri("/graphiql").exchange()
            .expectStatus().isNotFound();
        Testers.graphQl(port).document("{ organisation(id: \"party\") { name } }").execute()
            .path("organisation.name").entity(String.class).isEqualTo("The Party");
    }
}
