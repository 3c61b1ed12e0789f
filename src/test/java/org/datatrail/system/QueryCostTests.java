package org.datatrail.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import graphql.execution.CoercedVariables;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The estimate on the app's schema, without an app: what each shape of query is estimated at, and what the refusal says. */
class QueryCostTests {

    static GraphQLSchema schema;

    @BeforeAll
    static void schema() throws IOException {
        TypeDefinitionRegistry types = new TypeDefinitionRegistry();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/graphql"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".graphqls")).sorted().toList()) {
                types.merge(new SchemaParser().parse(Files.readString(file)));
            }
        }
        schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(types);
    }

    static CostEstimate estimate(String query) {
        return QueryCost.estimate(schema, Parser.parse(query), null, CoercedVariables.emptyVariables());
    }

    @Test
    void theIssuesQuestionCostsWhatItsAnswerCanHold() {
        var estimate = estimate("""
                { search(text: "Experian") { name evidence { quote source { id } }
                    transfersOut { evidence { quote } dataset { evidence { quote } consents { evidence { quote } } } }
                    campaigns { name } enforcementActions { evidence { quote } } } }""");
        // per organisation: name 1, evidence 1 + 5 x 3, transfersOut 1 + 5 x (6 + 1 + 6 + 1 + 2 x 6), campaigns 1 + 3, actions 1 + 2 x 6
        assertThat(estimate.cost()).isEqualTo(1 + 20 * (1 + 16 + 131 + 4 + 13));
    }

    @Test
    void aWrittenFirstCountsInFullAndADefaultPageOnlyAsTheTypicalSize() {
        assertThat(estimate("{ organisation(id: \"x\") { transfersOut { id } } }").cost()).isEqualTo(1 + 1 + 5);
        assertThat(estimate("{ organisation(id: \"x\") { transfersOut(first: 100) { id } } }").cost()).isEqualTo(1 + 1 + 100);
        assertThat(estimate("{ traceFlows(from: \"x\") { hops } }").cost()).isEqualTo(1 + 50);
    }

    @Test
    void aWrittenFirstOnANestedListCountsInFullToo() {
        assertThat(estimate("{ organisation(id: \"x\") { datasets { evidence { quote } } } }").cost()).isEqualTo(1 + 1 + 3 * (1 + 5));
        assertThat(estimate("{ organisation(id: \"x\") { datasets(first: 100) { evidence(first: 100) { quote } } } }").cost())
            .isEqualTo(1 + 1 + 100 * (1 + 100));
        assertThat(estimate("query($n: Int) { dataset(id: \"x\") { consents(first: $n) { id } derivedFrom(first: 80) { id } } }").cost())
            .as("a first in a variable the estimate is not given counts as the typical size").isEqualTo(1 + 1 + 2 + 1 + 80);
        assertThat(estimate("{ transfer(id: \"x\") { disputes(first: 60) { claims { value } } } }").cost()).isEqualTo(1 + 1 + 60 * (1 + 3));
    }

    @Test
    void anInstallationSetsItsOwnTypicalSizesWithinTheDefaultPage() {
        String query = "{ organisation(id: \"x\") { transfersOut { evidence { quote } } } }";
        assertThat(estimate(query).cost()).isEqualTo(1 + 1 + 5 * (1 + 5));
        var larger = QueryCost.estimate(schema, Parser.parse(query), null, CoercedVariables.emptyVariables(),
                new QueryCost(50_000, Map.of("transfersOut", 40, "Transfer.evidence", 12, "evidence", 1)).typical());
        // Type.field wins over the field's name; a typical size never exceeds the list's default page (50)
        assertThat(larger.cost()).isEqualTo(1 + 1 + 40 * (1 + 12));
        assertThatThrownBy(() -> new QueryCost(50_000, Map.of("evidence", 0)))
            .hasMessage("datatrail.graphql.typical-list-sizes.evidence must be a whole number of 1 or more, was 0");
    }

    @Test
    void anAliasFloodIsCountedAliasByAlias() {
        String flood = IntStream.range(0, 300).mapToObj(n -> "a" + n + ": search(text: \"Experian\") { ...F }")
            .collect(Collectors.joining(" ", "{ ", " } fragment F on Organisation { transfersOut { evidence { quote } } }"));
        var estimate = estimate(flood);
        assertThat(estimate.cost()).isEqualTo(300 * 621);
        assertThat(estimate.refusal(50_000)).isEqualTo("The query's estimated cost is 186,300, over the limit of 50,000 "
                + "(datatrail.graphql.max-complexity); it is spread over 300 fields at the top level (aliases count), the largest a0 at 621: "
                + "ask for fewer at once");
    }

    @Test
    void theRefusalNamesTheListWhoseBoundingSavesTheMost() {
        assertThat(estimate("{ search(text: \"Experian\") { name transfersOut(first: 1000) { evidence { quote } } } }").refusal(50_000))
            .isEqualTo("The query's estimated cost is 120,041, over the limit of 50,000 (datatrail.graphql.max-complexity); most of it "
                    + "is search.transfersOut (1000 items for each of 20 above it): bound it with first: 100");
        assertThat(estimate("{ search(text: \"x\") { transfersOut { to { transfersOut { to { transfersOut { to { transfersOut { to "
                + "{ transfersOut { id } } } } } } } } } } }").refusal(50_000))
            .isEqualTo("The query's estimated cost is 93,721, over the limit of 50,000 (datatrail.graphql.max-complexity); most of it "
                    + "is search (20 items): bound it with first: 10");
    }

    @Test
    void nestedPagesOfAHundredDoNotOverflow() {
        String nested = "{ search(text: \"x\", first: 100) { transfersOut(first: 100) { to { transfersOut(first: 100) { to { "
                + "transfersOut(first: 100) { to { transfersOut(first: 100) { id } } } } } } } } }";
        assertThat(estimate(nested).cost()).isGreaterThan(1e10);
    }

    @Test
    void fragmentsSpreadingFragmentsAreEstimatedWithoutExpandingThem() {
        StringBuilder query = new StringBuilder("{ organisation(id: \"x\") { ...F0 } }");
        for (int n = 0; n < 40; n++) {
            query.append(" fragment F").append(n).append(" on Organisation { a: partOf { ...F").append(n + 1).append(" } b: partOf { ...F")
                .append(n + 1).append(" } }");
        }
        query.append(" fragment F40 on Organisation { id }");
        // 2^40 fields once expanded; estimated in a moment all the same
        assertThat(estimate(query.toString()).cost()).isGreaterThan(Math.pow(2, 40));
    }
}
