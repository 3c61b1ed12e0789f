package org.datatrail.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.datatrail.support.DataTrailTest;
import org.datatrail.support.DataTrailTest.Seed;
import org.datatrail.support.Testers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Search through the full-text index on the small hand-made network, and an organisation's pages of transfers. */
@DataTrailTest(seed = Seed.SMALL)
class SearchIntegrationTests {

    @LocalServerPort
    int port;

    HttpGraphQlTester graphQl;

    @BeforeEach
    void tester() {
        graphQl = Testers.graphQl(port);
    }

    @Test
    void findsNamesAndAliasesIgnoringCaseAccentsAndPunctuation() {
        for (String text : new String[] { "bebe club", "BÉBÉ", "babys club", "Baby's Club", "bébé-club ltd" }) {
            assertThat(ids(text)).as(text).first().isEqualTo("supplier");
        }
        assertThat(ids("broker")).containsExactlyInAnyOrder("broker", "broker-group");
        assertThat(ids("nothing like this")).isEmpty();
    }

    @Test
    void firstBoundsTheAnswerAndBadArgumentsAreClearErrors() {
        assertThat(graphQl.documentName("search").variable("text", "broker").variable("first", 1).execute()
            .path("search[*].id").entityList(String.class).get()).hasSize(1);
        graphQl.documentName("search").variable("text", "broker").variable("first", 101).execute().errors().satisfy(errors -> {
            assertThat(errors.getFirst().getMessage()).isEqualTo("Argument 'first' must be between 1 and 100, was 101");
            assertThat(errors.getFirst().getErrorType().toString()).isEqualTo("BAD_REQUEST");
        });
        graphQl.documentName("search").variable("text", "'?!").execute().errors().satisfy(errors ->
            assertThat(errors.getFirst().getMessage()).isEqualTo("Argument 'text' must contain at least one letter or digit"));
    }

    @Test
    void anOrganisationWithEveryRelationAndPagesOfTransfers() {
        var response = graphQl.documentName("organisation").variable("id", "broker").variable("first", 1).execute();
        response.path("organisation.partOf.id").entity(String.class).isEqualTo("broker-group")
            .path("organisation.transfersOut[*].id").entityList(String.class).containsExactly("t2")
            .path("organisation.transfersIn[*].id").entityList(String.class).containsExactly("t1");
        String cursor = response.path("organisation.transfersOut[0].cursor").entity(String.class).get();

        graphQl.documentName("organisation").variable("id", "broker").variable("first", 1).variable("after", cursor).execute()
            .path("organisation.transfersOut").entityList(Object.class).hasSize(0);
        graphQl.documentName("organisation").variable("id", "supplier").execute()
            .path("organisation.datasets[0].consents[0].permittedPurposes[0].includes[0].id").entity(String.class).isEqualTo("postal")
            .path("organisation.enforcementActions[0].amount").entity(Double.class).isEqualTo(5000.0);
        graphQl.documentName("organisation").variable("id", "nobody").execute()
            .path("organisation").valueIsNull();
    }

    private java.util.List<String> ids(String text) {
        return graphQl.documentName("search").variable("text", text).execute().path("search[*].id").entityList(String.class).get();
    }
}
