package org.datatrail.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.datatrail.support.DataTrailTest;
import org.datatrail.support.Testers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The fields the workbench page reads beyond the investigator contract, on the shipped seed: the caller's
 * role, the timeline of an organisation or a chain, and the disputes about each fact; and the page itself is
 * public even where anonymous API access is off.
 */
@DataTrailTest
class WorkbenchApiIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void theViewerIsTheRoleOfTheToken() {
        Testers.graphQl(port).documentName("viewer").execute()
            .path("viewer.role").entity(String.class).isEqualTo("JOURNALIST")
            .path("viewer.mayRecord").entity(Boolean.class).isEqualTo(false);
        Testers.graphQl(port, Testers.INVESTIGATOR_TOKEN).documentName("viewer").execute()
            .path("viewer.role").entity(String.class).isEqualTo("INVESTIGATOR")
            .path("viewer.mayRecord").entity(Boolean.class).isEqualTo(true);
        Testers.graphQl(port, Testers.ANALYST_TOKEN).documentName("viewer").execute()
            .path("viewer.role").entity(String.class).isEqualTo("ANALYST")
            .path("viewer.mayRecord").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void theTimelineOfEmmasDiaryIsDatedFirstThenByFirstReport() {
        var response = Testers.graphQl(port).documentName("timeline").variable("organisations", List.of("lifecycle-marketing")).execute();

        response.path("timeline[*].id").entityList(String.class).containsExactly("transfer-lcmb-to-experian", "event-lcmb-letter-to-ico",
                "event-emmas-diary-collection", "ico-fine-lcmb", "event-lcmb-statement", "ico-notice-of-intent-lcmb");
        response.path("timeline[0].kind").entity(String.class).isEqualTo("TRANSFER")
            .path("timeline[0].date").entity(String.class).isEqualTo("2017-05-05")
            .path("timeline[0].summary").entity(String.class).isEqualTo("Lifecycle Marketing (Mother and Baby) Ltd passed Emma's Diary "
                    + "registrations (mothers and young children) to Experian Marketing Services (more than 1000000 records)")
            .path("timeline[0].organisations[*].id").entityList(String.class).containsExactly("lifecycle-marketing", "experian-marketing-services")
            .path("timeline[0].disputes[*].field").entityList(String.class).containsExactly("onBehalfOf", "recordCount");
        response.path("timeline[1].kind").entity(String.class).isEqualTo("STATEMENT")
            .path("timeline[1].date").entity(String.class).isEqualTo("2018-01-30");
        response.path("timeline[2].kind").entity(String.class).isEqualTo("COLLECTION")
            .path("timeline[2].firstReported").entity(String.class).isEqualTo("2018-07-11");
        response.path("timeline[3].summary").entity(String.class)
            .isEqualTo("Information Commissioner's Office: fine against Lifecycle Marketing (Mother and Baby) Ltd, GBP 140000")
            .path("timeline[3].evidence[*].source.id").entityList(String.class).contains("001_86e189293c824487");
    }

    @Test
    void theTimelineOfTheChainToLabourHasTheCampaignAndTheDeletion() {
        var response = Testers.graphQl(port).documentName("timeline")
            .variable("organisations", List.of("lifecycle-marketing", "experian-marketing-services", "labour-party")).execute();

        response.path("timeline[*].id").entityList(String.class).contains("transfer-lcmb-to-experian", "transfer-experian-to-labour",
                "labour-2017-direct-mail", "event-experian-deletion", "event-general-election-2017", "ico-audit-political-parties");
        response.path("timeline[0].id").entity(String.class).isEqualTo("transfer-lcmb-to-experian");
        Testers.graphQl(port).documentName("timeline").variable("organisations", List.of("lifecycle-marketing")).variable("first", 2).execute()
            .path("timeline[*].id").entityList(String.class).containsExactly("transfer-lcmb-to-experian", "event-lcmb-letter-to-ico");
    }

    @Test
    void aTimelineOfNothingOrOfAnUnknownOrganisationIsRefused() {
        Testers.graphQl(port).documentName("timeline").variable("organisations", List.of("nobody")).execute().errors()
            .satisfy(errors -> assertThat(errors.getFirst().getMessage()).isEqualTo("No organisation with id 'nobody'"));
        Testers.graphQl(port).documentName("timeline").variable("organisations", List.of()).execute().errors()
            .satisfy(errors -> assertThat(errors.getFirst().getMessage())
                .isEqualTo("Argument 'organisations' must name 1 to 100 organisations, named 0"));
    }

    @Test
    void eachFactCarriesTheDisputesAboutIt() {
        var response = Testers.graphQl(port).documentName("factDisputes").execute();

        response.path("transfer.disputes[*].field").entityList(String.class).containsExactly("onBehalfOf", "recordCount");
        response.path("transfer.disputes[1].claims[*].value").entityList(String.class).contains("7,065,220 records", "more than 1m records");
        response.path("transfer.disputes[1].claims[0].evidence[0].source.id").entity(String.class).isEqualTo("001_86e189293c824487");
        response.path("organisation.disputes[0].field").entity(String.class).isEqualTo("name");
        response.path("dataset.disputes[*].field").entityList(String.class).containsExactly("dataCategories");
        response.path("labour.disputes").entityList(Object.class).hasSize(0);
        response.path("labour.campaigns[0].disputes[0].field").entity(String.class).isEqualTo("channel");
        response.path("lcmb.enforcementActions[?(@.id == 'ico-fine-lcmb')].disputes[*].field").entityList(String.class)
            .containsExactly("date", "legalFinding");
        response.path("lcmb.datasets[0].consents[0].disputes[*].field").entityList(String.class).containsExactly("permittedPurposes");
    }

    @Test
    void theWorkbenchPageIsServedWithItsOwnScripts() {
        WebTestClient web = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        String page = web.get().uri("/").exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<title>DataTrail workbench</title>", "/webjars/cytoscape/3.33.1/dist/cytoscape.min.js",
                "/webjars/dagre/0.8.4/dist/dagre.min.js").doesNotContain("@cytoscape-webjar.version@", "https://");
        web.get().uri("/webjars/cytoscape/3.33.1/dist/cytoscape.min.js").exchange().expectStatus().isOk();
        web.get().uri("/webjars/dagre/0.8.4/dist/dagre.min.js").exchange().expectStatus().isOk();
        web.get().uri("/workbench/workbench.js").exchange().expectStatus().isOk();
    }
}
