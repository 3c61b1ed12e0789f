package org.datatrail.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.datatrail.support.DataTrailTest;
import org.datatrail.support.DataTrailTest.Seed;
import org.datatrail.support.Testers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A deployment without anonymous access, through the whole security chain: the workbench page and the files it
 * loads are still served (the page is where a reader pastes a token, and holds no data), while the API it calls
 * answers 401 without a token and serves the data with one.
 */
@DataTrailTest(seed = Seed.SMALL, properties = "datatrail.security.anonymous=false")
class TokensOnlyIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void theWorkbenchPageLoadsWithoutATokenButItsDataNeedsOne() {
        WebTestClient web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        web.get().uri("/").exchange().expectStatus().isOk().expectBody(String.class)
            .value(page -> assertThat(page).contains("<title>DataTrail workbench</title>"));
        web.get().uri("/workbench/workbench.js").exchange().expectStatus().isOk();
        web.get().uri("/webjars/cytoscape/3.33.1/dist/cytoscape.min.js").exchange().expectStatus().isOk();

        web.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"query\":\"{ viewer { role } }\"}")
            .exchange().expectStatus().isUnauthorized().expectBody().jsonPath("$.message")
            .isEqualTo("This service needs a token: send Authorization: Bearer <token>");
        Testers.graphQl(port, Testers.INVESTIGATOR_TOKEN).document("{ viewer { role } organisation(id: \"party\") { name } }").execute()
            .path("viewer.role").entity(String.class).isEqualTo("INVESTIGATOR")
            .path("organisation.name").entity(String.class).isEqualTo("The Party");
    }
}
