package org.datatrail.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.datatrail.support.DataTrailTest;
import org.datatrail.support.Testers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The report shelf over HTTP on the seed: formats by parameter or Accept header, roles, bad parameters. */
@DataTrailTest
class ReportHttpIntegrationTests {

    @LocalServerPort
    int port;

    WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(java.time.Duration.ofSeconds(60))
            .defaultHeader("Authorization", "Bearer " + Testers.ANALYST_TOKEN).build();
    }

    @Test
    void listsTheShelfWithParameters() {
        client().get().uri("/reports").exchange().expectStatus().isOk()
            .expectBody()
            .jsonPath("$.reports[?(@.name == 'consent-gaps')].parameters[0].name").isEqualTo("from")
            .jsonPath("$.reports.length()").isEqualTo(10)
            .jsonPath("$.reports[?(@.name == 'timeline')].parameters[0].required").isEqualTo(true)
            .jsonPath("$.refused").isEmpty();
    }

    @Test
    void streamsCsvJsonAndMarkdown() {
        String csv = client().get().uri("/reports/enforcement?regulator=ico&format=csv").exchange()
            .expectStatus().isOk().expectHeader().contentTypeCompatibleWith("text/csv")
            .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv).startsWith("regulator,against,kind,amount,currency,date,finding,evidence\r\n")
            .contains("\"Information Commissioner's Office\",\"Lifecycle Marketing (Mother and Baby) Ltd\",FINE,140000,GBP,");

        client().get().uri("/reports/enforcement?regulator=ico").header("Accept", "application/json").exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.rows[?(@.kind == 'FINE' && @.amount == 140000.0)].currency").isEqualTo("GBP")
            .jsonPath("$.truncated").isEqualTo(false);

        String md = client().get().uri("/reports/broker-hubs").header("Accept", "text/markdown").exchange()
            .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(md).startsWith("| organisation | types | onwardTransfers | recordsPassedOn | recordsPassedOnAre | countIsLowerBound |\n"
                + "| --- | --- | --- | --- | --- | --- |\n| Experian Marketing Services | DATA_BROKER | 1 |  | unknown: 1 transfer of unknown size | true |");
    }

    @Test
    void badParametersAre400AndJournalistsAre403() {
        client().get().uri("/reports/broker-hubs?top=many").exchange().expectStatus().isBadRequest()
            .expectBody().jsonPath("$.message").isEqualTo("Parameter 'top' of report 'broker-hubs' must be Integer from 1 to 1000, was 'many'");
        client().get().uri("/reports/no-such-report").exchange().expectStatus().isBadRequest();
        // an id that names nothing is not an empty answer: 404, with what the caller may have meant
        client().get().uri("/reports/who-fed-a-party?party=labour").exchange().expectStatus().isNotFound()
            .expectBody().jsonPath("$.message").isEqualTo("No organisation with id 'labour' (parameter 'party' of report 'who-fed-a-party'); "
                    + "did you mean labour-party (Labour Party)?");
        client().get().uri("/reports/unlinked-mentions?source=no-such-source&format=csv").exchange().expectStatus().isNotFound()
            .expectBody().jsonPath("$.message").isEqualTo("No source with id 'no-such-source' (parameter 'source' of report 'unlinked-mentions')");
        // a fact id too (any kind of fact), suggesting the facts whose ids hold one of its words
        client().get().uri("/reports/disputed-facts?about=emmas").exchange().expectStatus().isNotFound()
            .expectBody().jsonPath("$.message").value(String.class, message -> assertThat(message)
                .startsWith("No fact with id 'emmas' (parameter 'about' of report 'disputed-facts'); did you mean emmas-diary-")
                .contains("emmas-diary-registrations (Emma's Diary registrations (mothers and young children))"));
        client().get().uri("/reports/disputed-facts?about=emmas-diary-registrations").exchange().expectStatus().isOk();
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build().get().uri("/reports").exchange()
            .expectStatus().isForbidden().expectBody().jsonPath("$.message")
            .isEqualTo("Not allowed for a JOURNALIST caller: running reports needs an ANALYST, INVESTIGATOR or ADMIN token");
    }
}
