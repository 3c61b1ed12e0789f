package org.datatrail.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.datatrail.support.DataTrailTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every page and answer carries the Content-Security-Policy (only the app's own scripts and styles, nothing inline but
 * the explorer's one scroll-lock style, by its hash, on that page only) and a Referrer-Policy: the workbench, the explorer and its files, the API, a report refusal, a missing page.
 */
@DataTrailTest
class SecurityHeadersIntegrationTests {

    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @LocalServerPort
    int port;

    @Test
    void everyPageAndAnswerCarriesTheContentSecurityAndReferrerPolicies() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        List<EntityExchangeResult<byte[]>> answers = List.of(
                client.get().uri("/").exchange().expectStatus().isOk().expectBody().returnResult(),
                client.get().uri("/graphiql").exchange().expectStatus().isOk().expectBody().returnResult(),
                client.get().uri("/graphiql/explorer.js").exchange().expectStatus().isOk().expectBody().returnResult(),
                client.get().uri("/workbench/workbench.js").exchange().expectStatus().isOk().expectBody().returnResult(),
                client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"query\": \"{ __typename }\"}").exchange()
                    .expectStatus().isOk().expectBody().returnResult(),
                client.get().uri("/reports").exchange().expectBody().returnResult(),
                client.get().uri("/no-such-page").exchange().expectStatus().isNotFound().expectBody().returnResult());
        for (EntityExchangeResult<byte[]> answer : answers) {
            HttpHeaders headers = answer.getResponseHeaders();
            // the explorer page alone also allows the one style element GraphiQL's dialogs add, by its hash
            String policy = answer.getUrl().getPath().equals("/graphiql") ? POLICY.replace("style-src 'self';", "style-src 'self' "
                    + "'sha256-Y/huXlwoYkVyQlxwSVcCi1RCDGDCSVBzDt0hYP9qlTc=';") : POLICY;
            assertThat(headers.get("Content-Security-Policy")).as(answer.getUrl().toString()).containsExactly(policy);
            assertThat(headers.get("Referrer-Policy")).as(answer.getUrl().toString()).containsExactly("no-referrer");
        }
    }

    @Test
    void theExplorerPageHasNoInlineScriptOrStyle() {
        String page = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build().get().uri("/graphiql").exchange()
            .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<script src=\"/graphiql/explorer.js\"></script>").doesNotContain("<script>", "<style", "style=");
        String workbench = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build().get().uri("/").exchange()
            .expectBody(String.class).returnResult().getResponseBody();
        assertThat(workbench).contains("<script type=\"module\" src=\"/workbench/workbench.js\"></script>")
            .doesNotContain("<script>", "<style", "style=", " onclick=", " onload=");
    }
}
