package org.datatrail.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.datatrail.support.Testers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A public deployment switches off introspection and the explorer; queries still work. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.graphql.schema.introspection.enabled=false", "datatrail.graphiql.enabled=false" })
class PublicDeploymentIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Testers.embeddedDatabase(registry, "src/test/resources/facts/small");
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
