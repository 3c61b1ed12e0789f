package org.datatrail.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.datatrail.support.DataTrailTest;
import org.datatrail.support.DataTrailTest.Seed;
import org.datatrail.support.Testers;
import org.datatrail.system.GraphReads;
import org.datatrail.system.Pages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The nested lists page honestly: an organisation with more quotes and datasets than a page, recorded through the
 * mutations, read one item at a time and a few at a time, gives each item exactly once in the list's order; every
 * cursor that cannot continue the list it is given to (another organisation's, another list's, naming an item moved
 * away, malformed) is refused naming {@code after}; and a level of nested pages is one statement whatever the number
 * of parents.
 */
@DataTrailTest(seed = Seed.SMALL, writes = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NestedPagingIntegrationTests {

    /** More than the default page (50), so the default page is not the whole list. */
    static final int QUOTES = 60;

    /** Pairs of datasets with one name, so only the id orders a pair. */
    static final int NAMES = 12;

    @LocalServerPort
    int port;

    @Autowired
    GraphReads reads;

    HttpGraphQlTester graphQl;

    final List<String> quotes = new ArrayList<>();

    final List<String> datasets = new ArrayList<>();

    @BeforeAll
    void recordAnOrganisationWithManyQuotesAndDatasets() {
        graphQl = Testers.graphQl(port, Testers.INVESTIGATOR_TOKEN);
        List<Map<String, String>> evidence = new ArrayList<>();
        for (int i = 0; i < QUOTES; i++) {
            quotes.add("Holder quote %02d".formatted(i));
            evidence.add(Map.of("source", "src-a", "quote", quotes.getLast()));
        }
        graphQl.document("mutation($o: OrganisationInput!) { recordOrganisation(input: $o) { id } }")
            .variable("o", Map.of("id", "holder", "name", "Holder Ltd", "types", List.of("DATA_BROKER"), "evidence", evidence))
            .execute().path("recordOrganisation.id").entity(String.class).isEqualTo("holder");
        Map<String, Object> inputs = new HashMap<>();
        // recorded in reverse, so that the order read back is the list's, not the order of writing
        for (int i = NAMES - 1; i >= 0; i--) {
            for (String pair : List.of("b", "a")) {
                String id = "holder-set-%02d-%s".formatted(i, pair);
                inputs.put(id, dataset(id, "Holder set %02d".formatted(i), "holder"));
            }
        }
        inputs.put("holder-moving", dataset("holder-moving", "Holder set moving", "holder"));
        recordDatasets(inputs);
        for (int i = 0; i < NAMES; i++) {
            datasets.add("holder-set-%02d-a".formatted(i));
            datasets.add("holder-set-%02d-b".formatted(i));
        }
    }

    @Test
    void quotesComeOnceEachInTheListsOrderOneByOneAndInPages() {
        List<String> whole = page("evidence", "quote", "holder", 100, null).stream().map(e -> (String) e.get("quote")).toList();
        assertThat(whole).containsExactlyInAnyOrderElementsOf(quotes);
        // without first, the default page: the first 50 of the same order
        List<Map> byDefault = graphQl.document("{ organisation(id: \"holder\") { evidence { quote cursor } } }").execute()
            .path("organisation.evidence").entityList(Map.class).get();
        assertThat(byDefault).extracting(e -> e.get("quote")).containsExactlyElementsOf(whole.subList(0, 50));
        assertThat(page("evidence", "quote", "holder", 100, (String) byDefault.getLast().get("cursor")))
            .extracting(e -> e.get("quote")).containsExactlyElementsOf(whole.subList(50, QUOTES));

        for (int size : new int[] { 1, 7 }) {
            List<String> paged = readAll("evidence", "quote", "holder", size).stream().map(e -> (String) e.get("quote")).toList();
            assertThat(paged).as("pages of %d", size).containsExactlyElementsOf(whole);
        }
    }

    @Test
    void datasetsComeByNameThenIdOnceEachOneByOneAndInPages() {
        List<String> whole = page("datasets", "id name", "holder", 100, null).stream().map(d -> (String) d.get("id")).toList();
        List<String> expected = new ArrayList<>(datasets);
        expected.sort(Comparator.naturalOrder());
        // names tie in pairs ("Holder set 03" twice): the id breaks the tie, so a comes before b
        assertThat(whole.stream().filter(id -> id.startsWith("holder-set-")).toList()).containsExactlyElementsOf(expected);

        for (int size : new int[] { 1, 5 }) {
            List<String> paged = readAll("datasets", "id", "holder", size).stream().map(d -> (String) d.get("id")).toList();
            assertThat(paged).as("pages of %d", size).containsExactlyElementsOf(whole);
        }
    }

    @Test
    void aCursorThatCannotContinueTheListItIsGivenToIsRefusedNamingAfter() {
        String datasetCursor = cursorOf("datasets", "holder", 0);
        String quoteCursor = cursorOf("evidence", "holder", 0);
        String firstDataset = (String) page("datasets", "id", "holder", 1, null).getFirst().get("id");

        refused(list("datasets", "id", "supplier", 5, datasetCursor),
                "names dataset '" + firstDataset + "', which is not (or no longer) in supplier's datasets");
        refused(list("evidence", "quote", "supplier", 5, quoteCursor), "which is not (or no longer) in supplier's evidence");
        refused(list("datasets", "id", "holder", 5, quoteCursor), "is a cursor of evidence, not of datasets");
        refused(list("campaigns", "id", "holder", 5, datasetCursor), "is a cursor of datasets, not of campaigns");
        refused(list("datasets", "id", "holder", 5, Pages.itemCursor("datasets", "vanished")),
                "names dataset 'vanished', which is not (or no longer) in holder's datasets");
        refused(list("datasets", "id", "holder", 5, "%%%"), "is not a cursor this API gave out");
        refused(list("evidence", "quote", "holder", 5, Pages.keyset("evidence", "", "a", "b")), "is not a cursor this API gave out");

        // a dataset recorded again as held by another organisation leaves holder's list: its cursor there is stale
        String moving = page("datasets", "id cursor", "holder", 100, null).stream()
            .filter(d -> d.get("id").equals("holder-moving")).map(d -> (String) d.get("cursor")).findFirst().orElseThrow();
        recordDatasets(Map.of("holder-moving", dataset("holder-moving", "Holder set moving", "supplier")));
        refused(list("datasets", "id", "holder", 5, moving), "names dataset 'holder-moving', which is not (or no longer) in holder's datasets");
        assertThat(page("datasets", "id", "supplier", 100, moving)).extracting(d -> d.get("id")).doesNotContain("holder-moving");
    }

    @Test
    void aDisputesCursorContinuesBothQueryDisputesAndItsFactsDisputes() {
        String cursor = graphQl.document("{ disputes { id cursor } }").execute().path("disputes[0].cursor").entity(String.class).get();
        graphQl.document("query($after: String) { transfer(id: \"t1\") { disputes(after: $after) { id } } }").variable("after", cursor).execute()
            .path("transfer.disputes").entityList(Object.class).hasSize(0);
        graphQl.document("{ transfer(id: \"t1\") { disputes { id cursor } } }").execute()
            .path("transfer.disputes[0].cursor").entity(String.class).isEqualTo(cursor);
        refused(graphQl.document("query($after: String) { transfer(id: \"t2\") { disputes(after: $after) { id } } }").variable("after", cursor),
                "names dispute 'count-dispute', which is not (or no longer) in t2's disputes");
    }

    @Test
    void aPageSizeOutOfBoundsIsRefusedNamingFirst() {
        for (int first : new int[] { 0, 101 }) {
            for (String list : List.of("datasets", "evidence", "disputes", "campaigns", "enforcementActions")) {
                list(list, "__typename", "holder", first, null).execute().errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.getFirst().getMessage()).isEqualTo("Argument 'first' must be between 1 and 100, was " + first);
                    assertThat(errors.getFirst().getErrorType().toString()).isEqualTo("BAD_REQUEST");
                });
            }
        }
    }

    @Test
    void aLevelOfNestedPagesIsOneStatementWhateverTheNumberOfParents() {
        String query = "{ organisation(id: \"holder\") { datasets(first: %d) { evidence(first: 1) { quote } consents { id } } } }";
        long before = reads.queryCount();
        graphQl.document(query.formatted(2)).execute().path("organisation.datasets").entityList(Object.class).hasSize(2);
        long two = reads.queryCount() - before;
        before = reads.queryCount();
        graphQl.document(query.formatted(20)).execute().path("organisation.datasets[*].evidence[0].quote").entityList(String.class).hasSize(20);
        long twenty = reads.queryCount() - before;
        // the organisation; its datasets' page and the datasets; their quotes' pages and the quotes; their consents'
        // pages (none recorded, so nothing to load)
        assertThat(twenty).isEqualTo(two).isEqualTo(1 + 2 + 2 + 1);
    }

    /** Reads {@code parent}'s {@code list} to its end, {@code size} items a page, each page after the last item's cursor. */
    private List<Map> readAll(String list, String fields, String parent, int size) {
        List<Map> all = new ArrayList<>();
        String after = null;
        for (int pages = 0; pages < 200; pages++) {
            List<Map> page = page(list, fields + " cursor", parent, size, after);
            assertThat(page.size()).isLessThanOrEqualTo(size);
            if (page.isEmpty()) {
                return all;
            }
            all.addAll(page);
            after = (String) page.getLast().get("cursor");
        }
        throw new AssertionError("no end to " + parent + "'s " + list);
    }

    private List<Map> page(String list, String fields, String parent, int first, String after) {
        return list(list, fields, parent, first, after).execute().path("organisation." + list).entityList(Map.class).get();
    }

    private GraphQlTester.Request<?> list(String list, String fields, String parent, int first, String after) {
        return graphQl.document("query($id: ID!, $first: Int, $after: String) { organisation(id: $id) { " + list
                + "(first: $first, after: $after) { " + fields + " } } }").variable("id", parent).variable("first", first).variable("after", after);
    }

    private String cursorOf(String list, String parent, int index) {
        return (String) page(list, "cursor", parent, 100, null).get(index).get("cursor");
    }

    private static Map<String, Object> dataset(String id, String name, String heldBy) {
        return Map.of("id", id, "name", name, "heldBy", heldBy, "dataCategories", List.of("name"), "subjectGroups", List.of("adults"),
                "evidence", List.of(Map.of("source", "src-a", "quote", name + " is held by " + heldBy)));
    }

    /** Records the datasets (by id) in one request, each through recordDataset. */
    private void recordDatasets(Map<String, Object> inputs) {
        StringBuilder variables = new StringBuilder();
        StringBuilder fields = new StringBuilder();
        List<String> ids = new ArrayList<>(inputs.keySet());
        for (int i = 0; i < ids.size(); i++) {
            variables.append(i == 0 ? "" : ", ").append("$d").append(i).append(": DatasetInput!");
            fields.append(" r").append(i).append(": recordDataset(input: $d").append(i).append(") { id }");
        }
        GraphQlTester.Request<?> request = graphQl.document("mutation(" + variables + ") {" + fields + " }");
        for (int i = 0; i < ids.size(); i++) {
            request.variable("d" + i, inputs.get(ids.get(i)));
        }
        request.execute().path("r0.id").entity(String.class).isEqualTo(ids.getFirst());
    }

    private static void refused(GraphQlTester.Request<?> request, String problem) {
        request.execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.getFirst().getMessage()).startsWith("Argument 'after' ").contains(problem);
            assertThat(errors.getFirst().getErrorType().toString()).isEqualTo("BAD_REQUEST");
        });
    }
}
