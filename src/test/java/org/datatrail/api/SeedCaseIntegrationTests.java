package org.datatrail.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.datatrail.support.Testers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The investigations the README shows, on the shipped Emma's Diary seed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SeedCaseIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        Testers.embeddedDatabase(registry, null);
    }

    @LocalServerPort
    int port;

    HttpGraphQlTester graphQl;

    @BeforeEach
    void tester() {
        graphQl = Testers.graphQl(port);
    }

    @Test
    void emmasDiaryFindsLifecycleMarketing() {
        for (String text : List.of("emmas diary", "Emma's Diary", "EMMA’S DIARY", "lifecycle marketing mother and baby")) {
            graphQl.documentName("search").variable("text", text).execute()
                .path("search[0].name").entity(String.class).isEqualTo("Lifecycle Marketing (Mother and Baby) Ltd");
        }
    }

    @Test
    void theChainToLabourIsNotCoveredForPoliticalCampaigning() {
        var response = graphQl.documentName("trace").variable("from", "lifecycle-marketing").variable("to", "labour-party").execute();

        response.path("traceFlows[0].organisations[*].name").entityList(String.class)
            .containsExactly("Lifecycle Marketing (Mother and Baby) Ltd", "Experian Marketing Services", "Labour Party");
        response.path("traceFlows[0].transfers[0].date").entity(String.class).isEqualTo("2017-05-05");
        response.path("traceFlows[0].consent.covered").entity(Boolean.class).isEqualTo(false);
        response.path("traceFlows[0].consent.firstUncoveredHop").entity(Integer.class).isEqualTo(0);
        response.path("traceFlows[0].consent.uncoveredPurposes[*].id").entityList(String.class)
            .containsExactly("political-campaigning", "profiling");
        response.path("traceFlows[0].consent.explanation").entity(String.class).satisfies(text -> assertThat(text)
            .startsWith("Not covered. At hop 1, Lifecycle Marketing (Mother and Baby) Ltd passed Emma's Diary registrations")
            .contains("to Experian Marketing Services for political campaigning")
            .contains("(covered: postal marketing, third-party marketing)"));
        response.path("traceFlows[0].consent.evidence[*].quote").entityList(String.class)
            .contains("the privacy policy contained no mention of selling data for political purposes");
    }

    @Test
    void upstreamOfLabourAndTheShortestConnection() {
        graphQl.documentName("upstream").variable("to", "labour-party").execute()
            .path("upstream[*].transfers[*].id").entityList(String.class)
            .containsExactly("transfer-experian-to-labour", "transfer-lcmb-to-experian", "transfer-experian-to-labour");
        graphQl.documentName("shortest").variable("between", "labour-party").variable("and", "lifecycle-marketing").execute()
            .path("shortestFlow.hops").entity(Integer.class).isEqualTo(2);
    }

    @Test
    void disputesShowEveryClaimWithItsEvidence() {
        List<Map<String, Object>> disputes = graphQl.documentName("disputes").execute().path("disputes").entityList(Object.class).get()
            .stream().map(d -> (Map<String, Object>) d).toList();

        Map<String, Object> count = disputes.stream().filter(d -> d.get("id").equals("dispute-lcmb-experian-record-count")).findFirst().orElseThrow();
        assertThat(count.get("field")).isEqualTo("recordCount");
        assertThat(((List<Map<String, Object>>) count.get("claims"))).extracting(c -> c.get("value"))
            .contains("7,065,220 records", "more than 1m records");
        assertThat(disputes).extracting(d -> d.get("id")).contains("dispute-campaign-channel", "dispute-b-june-2017", "dispute-2al7");
        assertThat(disputes).allSatisfy(d -> assertThat((List<Map<String, Object>>) d.get("claims"))
            .allSatisfy(c -> assertThat((List<?>) c.get("evidence")).isNotEmpty()));
    }
}
