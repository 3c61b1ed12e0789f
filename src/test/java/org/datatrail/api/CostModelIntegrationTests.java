package org.datatrail.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.datatrail.support.DataTrailTest;
import org.datatrail.support.Testers;
import org.datatrail.system.GraphReads;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The cost limit estimates what an answer can hold: the questions a journalist writes without thinking of pages, the
 * README's examples and every query the workbench sends are answered on the shipped case, and the abusive ones (deep
 * nesting, alias floods, huge pages on nested lists) are refused, naming the estimate, the limit and the list to
 * bound, before any statement reaches the database.
 */
@DataTrailTest
class CostModelIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    GraphReads reads;

    HttpGraphQlTester graphQl;

    @BeforeEach
    void tester() {
        graphQl = Testers.graphQl(port);
    }

    // --- natural questions, as a journalist types them: no `first` anywhere

    @Test
    void everythingAboutExperianInOneQuestion() {
        ask("""
                { search(text: "Experian") { name evidence { quote source { id } }
                    transfersOut { evidence { quote } dataset { evidence { quote } consents { evidence { quote } } } }
                    campaigns { name } enforcementActions { evidence { quote } } } }""")
            .path("search[*].name").entityList(String.class).contains("Experian Marketing Services");
    }

    @Test
    void whoDidEmmasDiaryGiveItsDataToAndWhatDidTheMothersAgreeTo() {
        ask("""
                { organisation(id: "lifecycle-marketing") { name
                    transfersOut { date recordCount to { name }
                      dataset { name subjectGroups consents { title permittedPurposes { name } evidence { quote source { title } } } }
                      evidence { quote source { title publisher } } } } }""")
            .path("organisation.transfersOut[*].to.name").entityList(String.class).containsExactly("Experian Marketing Services");
    }

    @Test
    void whoFedLabour() {
        ask("""
                { upstream(to: "labour-party") { organisations { name }
                    transfers { date recordCount dataset { name dataCategories { name concernsChildren } } evidence { quote } }
                    consent { covered explanation } } }""")
            .path("upstream[*].organisations[*].name").entityList(String.class).contains("Lifecycle Marketing (Mother and Baby) Ltd");
    }

    @Test
    void whereDidTheEmmasDiaryDataGoAndWasItCovered() {
        ask("""
                { traceFlows(from: "lifecycle-marketing") { organisations { name } caveats
                    transfers { from { name } to { name } purposes { name } evidence { quote source { title url } } }
                    consent { covered uncoveredPurposes { name } consentsApplied { title } evidence { quote }
                              disputes { subject claims { value evidence { quote } } } } } }""")
            .path("traceFlows[*].organisations[*].name").entityList(String.class).contains("Labour Party")
            .path("traceFlows[*].consent.covered").entityList(Boolean.class).contains(false);
    }

    @Test
    void whatDidTheRegulatorDoToLifecycle() {
        ask("""
                { organisation(id: "lifecycle-marketing") {
                    enforcementActions { kind amount currency date legalFinding regulator { name }
                      evidence { quote source { title publisher published } } disputes { subject claims { value } } } } }""")
            .path("organisation.enforcementActions[*].regulator.name").entityList(String.class).contains("Information Commissioner's Office")
            .path("organisation.enforcementActions[*].amount").entityList(Double.class).contains(140000.0);
    }

    @Test
    void whichCampaignsDidLabourRunAndWithWhatData() {
        ask("""
                { organisation(id: "labour-party") { name
                    campaigns { name channel startDate purposes { name }
                      datasets { name heldBy { name } consents { title } } evidence { quote source { title } } }
                    transfersIn { from { name } dataset { name } } } }""")
            .path("organisation.campaigns[*].name").entityList(String.class)
            .contains("Labour Party mailing to new mothers, 2017 general election");
    }

    @Test
    void whereDoTheSourcesDisagree() {
        ask("{ disputes { subject field kind note claims { value note evidence { quote source { title publisher url } } } } }")
            .path("disputes[*].subject").entityList(String.class).contains("What the Emma's Diary privacy policy told the mothers");
    }

    @Test
    void whatIsInTheLabourDatabaseAndWhereDidItComeFrom() {
        ask("""
                { dataset(id: "experian-labour-database") { name subjectGroups heldBy { name }
                    dataCategories { name concernsChildren } consents { title }
                    derivedFrom { kind source { name heldBy { name } } evidence { quote } }
                    evidence { quote source { title } } disputes { subject } } }""")
            .path("dataset.heldBy.name").entity(String.class).isEqualTo("Experian Marketing Services")
            .path("dataset.derivedFrom[*].source.name").entityList(String.class)
            .contains("Emma's Diary registrations (mothers and young children)");
    }

    @Test
    void whatHappenedInOrder() {
        ask("""
                { timeline(organisations: ["lifecycle-marketing", "experian-marketing-services", "labour-party"]) {
                    date kind summary organisations { name } evidence { quote source { title } } } }""")
            .path("timeline[0].summary").entity(String.class).isEqualTo("Lifecycle Marketing (Mother and Baby) Ltd passed Emma's Diary "
                    + "registrations (mothers and young children) to Experian Marketing Services (more than 1000000 records)");
    }

    @Test
    void everythingAboutTheBrokerItself() {
        ask("""
                { organisation(id: "experian-marketing-services") { name aliases types description partOf { name }
                    transfersIn { from { name } dataset { name } evidence { quote } }
                    transfersOut { to { name } purposes { name } dataset { name dataCategories { name } }
                      evidence { quote source { title } } disputes { subject claims { value evidence { quote } } } hedges { field wording } }
                    datasets { name consents { title } } evidence { quote source { title publisher published url } } disputes { subject } } }""")
            .path("organisation.transfersIn[*].from.name").entityList(String.class).containsExactly("Lifecycle Marketing (Mother and Baby) Ltd")
            .path("organisation.transfersOut[*].to.name").entityList(String.class).containsExactly("Labour Party");
    }

    @Test
    void whatDidCambridgeAnalyticaGetAndWasItFined() {
        ask("""
                { search(text: "Cambridge Analytica") { name types
                    transfersIn { from { name } dataset { name subjectGroups } evidence { quote source { title } } }
                    enforcementActions { kind amount regulator { name } } } }""")
            .path("search[*].name").entityList(String.class).contains("Cambridge Analytica");
    }

    @Test
    void howShortIsThePathFromEmmasDiaryToLabour() {
        ask("""
                { shortestFlow(between: "lifecycle-marketing", and: "labour-party") { hops organisations { name }
                    transfers { date evidence { quote } } consent { covered explanation } } }""")
            .path("shortestFlow.hops").entity(Integer.class).isEqualTo(2);
    }

    @Test
    void whereDidTheRegistrationsEndUp() {
        ask("""
                { traceDataset(id: "emmas-diary-registrations") { caveats organisations { name }
                    datasets { name heldBy { name } } consent { covered evidence { quote } } } }""")
            .path("traceDataset[*].datasets[*].name").entityList(String.class).contains("Database Experian hosted for the Labour Party (2017)");
    }

    // --- the README's examples and the workbench's queries

    @Test
    void theReadmeExamplesAreAnswered() throws IOException {
        List<String> examples = blocks(Files.readString(Path.of("README.md")), Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL));
        assertThat(examples).hasSizeGreaterThanOrEqualTo(3);
        for (String example : examples) {
            ask(example).errors().verify();
        }
    }

    @Test
    void everyQueryTheWorkbenchSendsIsAnswered() throws IOException {
        Map<String, String> queries = workbenchQueries();
        Map<String, Map<String, Object>> variables = Map.ofEntries(
                Map.entry("viewer", Map.of()), Map.entry("vocabulary", Map.of()), Map.entry("disputes", Map.of()),
                Map.entry("search", Map.of("text", "Experian")),
                Map.entry("organisation", Map.of("id", "experian-marketing-services")),
                Map.entry("organisationFacts", Map.of("id", "lifecycle-marketing")),
                Map.entry("transferFacts", Map.of("id", "transfer-lcmb-to-experian")),
                Map.entry("datasetFacts", Map.of("id", "emmas-diary-registrations", "maxHops", 8)),
                Map.entry("derivation", Map.of("dataset", "experian-labour-database")),
                Map.entry("downstream", Map.of("from", "lifecycle-marketing", "maxHops", 8)),
                Map.entry("upstream", Map.of("to", "labour-party", "maxHops", 8)),
                Map.entry("datasetTrail", Map.of("id", "emmas-diary-registrations", "maxHops", 8)),
                Map.entry("timeline", Map.of("organisations", List.of("lifecycle-marketing", "labour-party"))),
                Map.entry("documentText", Map.of("id", "001_86e189293c824487", "start", 0, "length", 2000)),
                Map.entry("searchDocuments", Map.of("text", "Emma's Diary", "first", 100)));
        // the mutations write, and this class shares a read-only database: they are the only ones not sent
        assertThat(queries.keySet()).filteredOn(name -> !variables.containsKey(name)).allMatch(name -> name.startsWith("record"));
        HttpGraphQlTester investigator = Testers.graphQl(port, Testers.INVESTIGATOR_TOKEN);
        for (var query : variables.entrySet()) {
            assertThat(queries).as("the workbench's queries").containsKey(query.getKey());
            GraphQlTester.Request<?> request = investigator.document(queries.get(query.getKey()));
            query.getValue().forEach(request::variable);
            request.execute().errors().verify();
        }
        // the citations of many transfers, 40 aliases a request, as api.js builds them
        String brief = constants(Files.readString(Path.of("src/main/resources/static/workbench/api.js"))).get("EVIDENCE_BRIEF");
        String citations = IntStream.range(0, 40)
            .mapToObj(n -> "t" + n + ": transfer(id: \"transfer-lcmb-to-experian\") { id evidence { ...EvBrief } }")
            .collect(Collectors.joining("\n", "query Citations { ", " } " + brief));
        investigator.document(citations).execute().path("t39.evidence[0].quote").hasValue();
    }

    // --- abuse: refused by the estimate, before any statement runs

    @Test
    void deepNestingIsRefusedNamingTheListToBound() {
        String deep = "{ search(text: \"Experian\") { transfersOut { to { transfersOut { to { transfersOut { to { transfersOut { to "
                + "{ transfersOut { id } } } } } } } } } } }";
        assertThat(refusal(deep)).startsWith("The query's estimated cost is 93,721, over the limit of 50,000")
            .contains("most of it is search (20 items): bound it with first: 10");
    }

    @Test
    void aFloodOfThreeHundredAliasesIsRefused() {
        String flood = IntStream.range(0, 300).mapToObj(n -> "a" + n + ": search(text: \"Experian\") { ...F }")
            .collect(Collectors.joining(" ", "{ ", " } fragment F on Organisation { transfersOut { evidence { quote } } }"));
        assertThat(refusal(flood)).startsWith("The query's estimated cost is ").contains("over the limit of 50,000")
            .endsWith("it is spread over 300 fields at the top level (aliases count), the largest a0 at 621: ask for fewer at once");
    }

    @Test
    void aHugePageOnANestedListIsRefusedNamingIt() {
        assertThat(refusal("{ search(text: \"Experian\") { name transfersOut(first: 1000) { evidence { quote } } } }"))
            .isEqualTo("The query's estimated cost is 120,041, over the limit of 50,000 (datatrail.graphql.max-complexity); most of it "
                    + "is search.transfersOut (1000 items for each of 20 above it): bound it with first: 100");
        assertThat(refusal("""
                { traceFlows(from: "lifecycle-marketing", first: 100) {
                    organisations { transfersOut(first: 100) { evidence { quote source { title } } } } } }"""))
            .containsPattern("estimated cost is [0-9,]+, over the limit of 50,000")
            .containsPattern("most of it is traceFlows(\\.organisations\\.transfersOut)? \\(100 items.*\\): bound it with first: \\d+$");
    }

    @Test
    void theSameQuestionWithASmallPageIsAnswered() {
        graphQl.document("{ search(text: \"Experian\") { name transfersOut(first: 10) { evidence { quote } } } }").execute()
            .path("search[*].name").entityList(String.class).contains("Experian Marketing Services");
    }

    private GraphQlTester.Response ask(String question) {
        assertThat(question).doesNotContain("first:");
        return graphQl.document(question).execute();
    }

    /** The message the query is refused with; and no statement ran for it. */
    private String refusal(String query) {
        long before = reads.queryCount();
        List<String> messages = new ArrayList<>();
        graphQl.document(query).execute().errors().satisfy(errors -> errors.forEach(e -> messages.add(e.getMessage())));
        assertThat(reads.queryCount()).as("statements run for a refused query").isEqualTo(before);
        assertThat(messages).hasSize(1);
        return messages.getFirst();
    }

    /** The workbench's queries ({@code queries} in api.js), by name, with the fragments they use filled in. */
    private static Map<String, String> workbenchQueries() throws IOException {
        String api = Files.readString(Path.of("src/main/resources/static/workbench/api.js"));
        Map<String, String> constants = constants(api);
        String object = api.substring(api.indexOf("export const queries = {"), api.indexOf("\n};", api.indexOf("export const queries = {")));
        Map<String, String> queries = new LinkedHashMap<>();
        Matcher entry = Pattern.compile("\\n\\s*(\\w+): (?:`([^`]*)`|'([^']*)')").matcher(object);
        while (entry.find()) {
            String text = entry.group(2) != null ? entry.group(2) : entry.group(3);
            queries.put(entry.group(1), Pattern.compile("\\$\\{(\\w+)}").matcher(text).replaceAll(m -> Matcher.quoteReplacement(constants.get(m.group(1)))));
        }
        assertThat(queries).hasSizeGreaterThan(10);
        return queries;
    }

    private static Map<String, String> constants(String api) {
        Map<String, String> constants = new LinkedHashMap<>();
        Matcher constant = Pattern.compile("\\nconst (\\w+) = (?:`([^`]*)`|'([^']*)');").matcher(api);
        while (constant.find()) {
            constants.put(constant.group(1), constant.group(2) != null ? constant.group(2) : constant.group(3));
        }
        return constants;
    }

    private static List<String> blocks(String text, Pattern block) {
        List<String> found = new ArrayList<>();
        Matcher matcher = block.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
