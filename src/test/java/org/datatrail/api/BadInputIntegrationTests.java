package org.datatrail.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.datatrail.support.DataTrailTest;
import org.datatrail.support.Testers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The bad inputs that gave a 5xx or a library's message, each answered as a caller's mistake, in words of the app's own. */
@DataTrailTest
class BadInputIntegrationTests {

    @LocalServerPort
    int port;

    WebTestClient client(String token) {
        var builder = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(120));
        return token == null ? builder.build() : builder.defaultHeader("Authorization", "Bearer " + token).build();
    }

    @Test
    void aSearchOfTooManyWordsOrCharactersIsABadRequestNamingTheLimit() {
        // 257 words: Lucene's clause limit gave INTERNAL_ERROR; now the text is refused before any query runs
        String words = IntStream.range(0, 257).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
        Testers.graphQl(port).document("query($t: String!) { search(text: $t) { id } }").variable("t", words).execute().errors()
            .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                assertThat(e.getMessage()).isEqualTo("Argument 'text' must be at most 500 characters long, was 1174");
            }));
        Testers.graphQl(port).document("query($t: String!) { search(text: $t) { id } }")
            .variable("t", IntStream.range(0, 40).mapToObj(i -> "w" + i).collect(Collectors.joining(" "))).execute().errors()
            .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                assertThat(e.getMessage()).isEqualTo("Argument 'text' must have at most 32 different words, had 40");
            }));
        Testers.graphQl(port).document("query($t: String!) { searchDocuments(text: $t) { text } }").variable("t", "x".repeat(501)).execute()
            .errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getMessage()).isEqualTo("Argument 'text' must be at most 500 characters long, was 501")));
    }

    @Test
    void aReportParameterOutOfItsRangeIs400BeforeAnyCypherRuns() {
        client(Testers.ANALYST_TOKEN).get().uri("/reports/broker-hubs?top=-1").exchange().expectStatus().isBadRequest()
            .expectBody().jsonPath("$.message").isEqualTo("Parameter 'top' of report 'broker-hubs' must be Integer from 1 to 1000, was '-1'");
    }

    @Test
    void errorPagesAnd415AnswerJsonWithAMessage() {
        client(null).get().uri("/error").exchange().expectStatus().isNotFound()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
            .expectBody().jsonPath("$.message").isEqualTo("Nothing at /error");
        client(null).post().uri("/graphql").contentType(MediaType.TEXT_PLAIN).bodyValue("{ __typename }").exchange()
            .expectStatus().isEqualTo(415).expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
            .expectBody().jsonPath("$.message").isEqualTo("Content type 'text/plain' is not accepted at /graphql; /graphql takes application/json");
        client(null).get().uri("/no-such-page").accept(MediaType.TEXT_HTML).exchange().expectStatus().isNotFound()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
            .expectBody().jsonPath("$.message").isEqualTo("Nothing at /no-such-page");
    }

    @Test
    void aJsonNullBodyIs400NamingWhatIsExpected() {
        client(null).post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue("null").exchange().expectStatus().isBadRequest()
            .expectBody().jsonPath("$.message").value(m -> assertThat((String) m)
                .startsWith("The body of a POST to /graphql must be a JSON object with a 'query' string"));
    }

    @Test
    void validationMessagesShowNoLibraryInternals() {
        Testers.graphQl(port).document("{ search(text: \"x\", first: 2147483648) { id } }").execute().errors()
            .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> assertThat(e.getMessage())
                .doesNotContain("IntValue").contains("argument 'first'").contains("'Int'")));
        Testers.graphQl(port).document("query($d: Date) { traceFlows(from: \"lifecycle-marketing\", since: $d) { __typename } }")
            .variable("d", "last year").execute().errors()
            .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> assertThat(e.getMessage())
                .isEqualTo("Variable 'd' has an invalid value: 'last year' is not a date; expected YYYY-MM-DD")));
    }
}
