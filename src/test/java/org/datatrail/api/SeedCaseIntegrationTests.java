package org.datatrail.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.datatrail.support.DataTrailTest;
import org.datatrail.support.Testers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The investigations the README shows, on the shipped Emma's Diary seed. */
@DataTrailTest(writes = true)
class SeedCaseIntegrationTests {

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
    void aTraceFromANameInsteadOfAnIdIsNotFoundWithTheOrganisationItNames() {
        graphQl.document("{ traceFlows(from: \"emmas diary\") { organisations { id } } }").execute().errors().satisfy(errors -> {
            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.getErrorType().toString()).isEqualTo("NOT_FOUND");
                assertThat(e.getMessage()).isEqualTo("No organisation with id 'emmas diary'; did you mean lifecycle-marketing "
                        + "(Lifecycle Marketing (Mother and Baby) Ltd)?");
            });
        });
        graphQl.document("{ traceDataset(id: \"emmas diary\") { hops } }").execute().errors().satisfy(errors -> {
            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.getErrorType().toString()).isEqualTo("NOT_FOUND");
                assertThat(e.getMessage()).isEqualTo("No dataset with id 'emmas diary'; did you mean emmas-diary-registrations "
                        + "(Emma's Diary registrations (mothers and young children))?");
            });
        });
    }

    @Test
    void theRegistrationsSayWhomEachKindOfDataIsAboutAMothersDateOfBirthIsNotAboutTheChildren() {
        var about = graphQl.document("""
                { dataset(id: "emmas-diary-registrations") { subjectGroups categoriesAbout { category { id } subjectGroups } } }""").execute();

        about.path("dataset.subjectGroups").entityList(String.class).containsExactly("new and expectant mothers", "children under 5");
        about.path("dataset.categoriesAbout[*]").entityList(Object.class).satisfies(pairs -> assertThat(pairs)
            .extracting(p -> ((Map<?, ?>) ((Map<?, ?>) p).get("category")).get("id") + " " + ((Map<?, ?>) p).get("subjectGroups"))
            .containsExactly("child-date-of-birth [children under 5]", "mother-date-of-birth [new and expectant mothers]",
                    "household-address [new and expectant mothers]", "parent-name [new and expectant mothers]",
                    "number-of-children-under-5 [children under 5]", "presence-of-children-under-5 [children under 5]"));
    }

    @Test
    void theChainToLabourFollowsTheDataAndIsNotCoveredForPoliticalCampaigning() {
        var response = graphQl.documentName("lineage").operationName("downstream").variable("from", "lifecycle-marketing").execute();

        response.path("traceFlows[*].transfers[*].id").entityList(String.class)
            .containsExactly("transfer-lcmb-to-experian", "transfer-lcmb-to-experian", "transfer-experian-to-labour");
        // the registrations, then the database Experian loaded them into for Labour (the sources' derivation)
        response.path("traceFlows[1].datasets[*].id").entityList(String.class)
            .containsExactly("emmas-diary-registrations", "experian-labour-database");
        response.path("traceFlows[1].basis").entity(String.class).isEqualTo("DATA");
        response.path("traceFlows[1].consent.covered").entity(Boolean.class).isEqualTo(false);
        response.path("traceFlows[1].consent.firstUncoveredHop").entity(Integer.class).isEqualTo(0);
        response.path("traceFlows[1].consent.childrenData").entity(Boolean.class).isEqualTo(true);
        response.path("traceFlows[1].consent.uncoveredPurposes[*].id").entityList(String.class)
            .containsExactly("political-campaigning", "profiling");
        response.path("traceFlows[1].consent.consentsApplied[*].id").entityList(String.class).containsExactly("emmas-diary-privacy-policy");
        response.path("traceFlows[1].consent.disputes[*].id").entityList(String.class)
            .contains("dispute-lcmb-experian-record-count", "dispute-privacy-policy-scope", "dispute-how-labour-got-the-data");
        // Lifecycle's account of what the policy covered is presented as a disputed account, and is not what "not covered" rests on
        response.path("traceFlows[1].consent.explanation").entity(String.class).isEqualTo("Not covered. At the first hop, Lifecycle Marketing "
                + "(Mother and Baby) Ltd passed Emma's Diary registrations (mothers and young children) to Experian Marketing Services for "
                + "political campaigning, which \"Emma's Diary privacy policy (as it stood in 2017)\" is not shown to cover: what it permitted "
                + "is disputed (What the Emma's Diary privacy policy told the mothers), and by one account it covered only postal marketing, "
                + "third-party marketing. Uncovered along the chain: political campaigning, profiling.");
        response.path("traceFlows[1].consent.evidence[*].quote").entityList(String.class)
            .contains("the privacy policy contained no mention of selling data for political purposes")
            .doesNotContain("It transpired, however, that this was not the case.");
        response.path("traceFlows[1].caveats").entityList(String.class).contains(
                "The transfer from Experian Marketing Services to Labour Party is dated only within bounds: no later than 2017-06-30.",
                "The sources do not say when Database Experian hosted for the Labour Party (2017) was made from Emma's Diary registrations "
                        + "(mothers and young children).",
                "The sources hedge the onBehalfOf of the transfer from Lifecycle Marketing (Mother and Baby) Ltd to Experian Marketing Services: "
                        + "\"apparently acting as an agent or processor\".");
    }

    /**
     * The splice from issue 16, through the API as an investigator would make it: Experian Marketing Services also holds
     * data for an unrelated business, and sent it in 2012 to an organisation new to the case. That hop moved other data,
     * five years before the mothers' data arrived: it is no part of where the mothers' data went.
     */
    @Test
    void anUnrelatedTransferByTheBrokerIsAConnectionNotAFlow() {
        HttpGraphQlTester investigator = Testers.graphQl(port, Testers.INVESTIGATOR_TOKEN);
        investigator.documentName("recordSource").variable("input", Map.of("id", "splice-notes", "title", "Investigator's notes")).execute()
            .path("recordSource.id").entity(String.class).isEqualTo("splice-notes");
        investigator.documentName("recordOrganisation").variable("input", Map.of("id", "motor-leads-ltd", "name", "Motor Leads Ltd",
                "types", List.of("DATA_BROKER"), "evidence", List.of(Map.of("source", "splice-notes", "quote", "Motor Leads Ltd bought lists"))))
            .execute().path("recordOrganisation.id").entity(String.class).isEqualTo("motor-leads-ltd");
        investigator.documentName("recordDataset").variable("input", Map.of("id", "ems-motor-prospects", "name", "Motor insurance prospects",
                "heldBy", "experian-marketing-services", "dataCategories", List.of("parent-name", "household-address"),
                "subjectGroups", List.of("car owners"), "evidence", List.of(Map.of("source", "splice-notes", "quote", "Experian's motor lists"))))
            .execute().path("recordDataset.id").entity(String.class).isEqualTo("ems-motor-prospects");
        investigator.documentName("recordTransfer").variable("input", Map.of("id", "ems-to-motor-leads-2012", "from", "experian-marketing-services",
                "to", "motor-leads-ltd", "dataset", "ems-motor-prospects", "date", "2012-03-01", "purposes", List.of("third-party-marketing"),
                "evidence", List.of(Map.of("source", "splice-notes", "quote", "in 2012 Experian sold motor lists to Motor Leads"))))
            .execute().path("recordTransfer.id").entity(String.class).isEqualTo("ems-to-motor-leads-2012");

        graphQl.documentName("lineage").operationName("downstream").variable("from", "lifecycle-marketing").variable("maxHops", 3).execute()
            .path("traceFlows[*].transfers[*].id").entityList(String.class).doesNotContain("ems-to-motor-leads-2012");
        var all = graphQl.documentName("lineage").operationName("downstream").variable("from", "lifecycle-marketing").variable("maxHops", 3)
            .variable("follow", "CONNECTION").execute();
        all.path("traceFlows[?(@.transfers[1].id == 'ems-to-motor-leads-2012')].basis").entityList(String.class).containsExactly("CONNECTION");
        all.path("traceFlows[?(@.transfers[1].id == 'ems-to-motor-leads-2012')].lineageBreaksAtHop").entityList(Integer.class).containsExactly(1);
        all.path("traceFlows[?(@.transfers[1].id == 'ems-to-motor-leads-2012')].caveats[0]").entityList(String.class).containsExactly(
                "The sources do not show that the second transfer (Experian Marketing Services to Motor Leads Ltd, Motor insurance prospects) "
                        + "carried on the data of the one before (Emma's Diary registrations (mothers and young children)), or a date says it came "
                        + "first: from there on this is a connection between organisations, not a flow of data.");
        all.path("traceFlows[?(@.transfers[1].id == 'transfer-experian-to-labour')].basis").entityList(String.class).containsExactly("DATA");
    }

    @Test
    void theRegulatorsAnnouncedAuditIsNotAnActionTaken() {
        graphQl.document("{ organisation(id: \"labour-party\") { enforcementActions { id kind status } } }").execute()
            .path("organisation.enforcementActions[?(@.id == 'ico-audit-political-parties')].status").entityList(String.class)
            .containsExactly("ANNOUNCED");
        graphQl.document("{ organisation(id: \"lifecycle-marketing\") { enforcementActions { id status } } }").execute()
            .path("organisation.enforcementActions[*].status").entityList(String.class).satisfies(s -> assertThat(s).containsOnly("TAKEN"));
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
