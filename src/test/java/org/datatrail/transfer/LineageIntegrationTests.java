package org.datatrail.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.datatrail.support.DataTrailTest;
import org.datatrail.support.DataTrailTest.Seed;
import org.datatrail.support.Testers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The lineage rule and the consent verdicts on a hand-made network worked out by hand
 * (src/test/resources/facts/lineage/network.json):
 * <pre>
 *   Stork Club (s1) --t1 2018-01-10, Stork members--> Broker B (b)      Owl Lists (s2) --t2 2018-01-20, Owl subscribers--> b
 *   b makes Merged lists from both (MERGE, 2018-02-01) and a parent model from Stork members (MODEL, 2018-06-01)
 *   b --t3 2018-03-01, Merged lists--> Party P (p), which mails them (campaign p-mailing)
 *   b --t4 2012-05-01, its own lists--> Canvass Co (c)          other data: a connection
 *   b --t5 2017-06-01, Stork members--> c                       dated before the Stork data reached b
 *   b --t6 2018-04-01, the parent model--> c                    the model was made after it was sent
 *   b --t7 undated, Stork members--> c
 *   c --t8 between 2018-05-01 and 2018-06-30, Stork members--> p
 * </pre>
 * The Stork notice of 2015 permits marketing; its 2019 version (which supersedes it) adds political campaigning but took
 * effect after the data left Stork Club. The Owl notice permits marketing and political campaigning.
 */
@DataTrailTest(seed = Seed.LINEAGE)
class LineageIntegrationTests {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.datatrail.report.ReportRunner reports;

    HttpGraphQlTester graphQl;

    @BeforeEach
    void tester() {
        graphQl = Testers.graphQl(port);
    }

    @Test
    void byDefaultATraceFollowsTheDataOnly() {
        List<Map<String, Object>> chains = chains("downstream", "traceFlows", Map.of("from", "s1", "maxHops", 3));

        assertThat(transfers(chains)).containsExactly(List.of("t1-s1-b"), List.of("t1-s1-b", "t3-b-p"), List.of("t1-s1-b", "t7-b-c"),
                List.of("t1-s1-b", "t7-b-c", "t8-c-p"));
        assertThat(chains).allSatisfy(c -> assertThat(c).containsEntry("basis", "DATA").containsEntry("lineageBreaksAtHop", null));
        // the merged lists Broker B made from the Stork data are what it passed to Party P
        assertThat(datasets(chains.get(1))).containsExactly("ds-stork", "ds-merged");
    }

    @Test
    void followConnectionAddsTheOtherChainsLabelledWithWhereTheLineageBreaks() {
        List<Map<String, Object>> chains = chains("downstream", "traceFlows", Map.of("from", "s1", "maxHops", 3, "follow", "CONNECTION"));

        assertThat(transfers(chains)).containsExactly(List.of("t1-s1-b"),
                List.of("t1-s1-b", "t3-b-p"), List.of("t1-s1-b", "t4-b-c"), List.of("t1-s1-b", "t5-b-c"), List.of("t1-s1-b", "t6-b-c"),
                List.of("t1-s1-b", "t7-b-c"),
                List.of("t1-s1-b", "t4-b-c", "t8-c-p"), List.of("t1-s1-b", "t5-b-c", "t8-c-p"), List.of("t1-s1-b", "t6-b-c", "t8-c-p"),
                List.of("t1-s1-b", "t7-b-c", "t8-c-p"));
        assertThat(chains.stream().map(c -> c.get("basis")).toList()).containsExactly("DATA", "DATA", "CONNECTION", "CONNECTION", "CONNECTION",
                "DATA", "CONNECTION", "CONNECTION", "CONNECTION", "DATA");
        // other data (t4), a date before the data arrived (t5), a derivation made after the onward hop (t6): all break at hop 1
        assertThat(chains.stream().map(c -> c.get("lineageBreaksAtHop")).toList()).containsExactly(null, null, 1, 1, 1, null, 1, 1, 1, null);
        assertThat(caveats(chains.get(2))).contains("The sources do not show that the second transfer (Broker B to Canvass Co, Broker B's own lists) "
                + "carried on the data of the one before (Stork members), or a date says it came first: from there on this is a connection "
                + "between organisations, not a flow of data.", "The consent verdict judges the uses of the data up to that transfer only.");
        // past the break the model (for profiling, which the Stork notice never permitted) is not the Stork data's use
        assertThat(consent(chains.get(4))).containsEntry("covered", true).containsEntry("firstUncoveredHop", null);
    }

    @Test
    void upstreamFindsTheSameDataChainsReadBackwards() {
        List<Map<String, Object>> chains = chains("upstream", "upstream", Map.of("to", "p", "maxHops", 3));

        assertThat(transfers(chains)).containsExactly(List.of("t3-b-p"), List.of("t8-c-p"), List.of("t1-s1-b", "t3-b-p"),
                List.of("t2-s2-b", "t3-b-p"), List.of("t5-b-c", "t8-c-p"), List.of("t7-b-c", "t8-c-p"), List.of("t1-s1-b", "t7-b-c", "t8-c-p"));
        assertThat(chains).allSatisfy(c -> assertThat(c).containsEntry("basis", "DATA"));

        List<Map<String, Object>> all = chains("upstream", "upstream", Map.of("to", "p", "maxHops", 2, "follow", "CONNECTION"));
        assertThat(transfers(all)).contains(List.of("t4-b-c", "t8-c-p"), List.of("t6-b-c", "t8-c-p"));
        assertThat(all.stream().filter(c -> c.get("basis").equals("CONNECTION")).map(c -> c.get("lineageBreaksAtHop")).toList())
            .containsOnly(1);
    }

    @Test
    void upstreamTakesTheHopFiltersItself() {
        // every transfer of children's data: the Owl subscribers (t2) are adults only
        assertThat(transfers(chains("upstream", "upstream", Map.of("to", "p", "maxHops", 3, "childrenOnly", true)))).containsExactly(
                List.of("t3-b-p"), List.of("t8-c-p"), List.of("t1-s1-b", "t3-b-p"), List.of("t5-b-c", "t8-c-p"), List.of("t7-b-c", "t8-c-p"),
                List.of("t1-s1-b", "t7-b-c", "t8-c-p"));
        // profiling reached Canvass Co only with the model, which was made after it was sent: no DATA chain, one connection
        assertThat(chains("upstream", "upstream", Map.of("to", "p", "maxHops", 2, "purpose", "profiling"))).isEmpty();
        assertThat(transfers(chains("upstream", "upstream", Map.of("to", "p", "maxHops", 2, "purpose", "profiling", "follow", "CONNECTION"))))
            .containsExactly(List.of("t6-b-c", "t8-c-p"));
    }

    @Test
    void aMergeIsCoveredOnlyWhereEverySourceItWasMadeFromIsAndTheNoticeOfItsTimeApplies() {
        Map<String, Object> consent = consent(chains("downstream", "traceFlows", Map.of("from", "s1", "maxHops", 2)).get(1));

        assertThat(consent).containsEntry("covered", false).containsEntry("firstUncoveredHop", 1).containsEntry("childrenData", true);
        assertThat(consent.get("explanation")).isEqualTo("Not covered. At the second hop, Broker B passed Merged lists to Party P for "
                + "political campaigning, which \"Stork notice (2015)\", given to the subjects of Stork members (from which the data was made), "
                + "does not cover (covered: marketing, postal marketing).");
        // the 2019 version took effect after the data left Stork Club on 2018-01-10: not applied; the Owl notice covers its part
        assertThat(ids(consent.get("consentsApplied"))).containsExactly("stork-notice-2015", "owl-notice");
        assertThat(ids(consent.get("disputes"))).containsExactly("dispute-t1-count");
        assertThat(quotes(consent.get("evidence"))).contains("from 2015 the Stork notice allowed marketing",
                "Broker B gave the merged lists to Party P in March 2018", "Party P mailed the merged lists",
                "in February 2018 Broker B merged the Stork and Owl data");
    }

    @Test
    void theOtherSupplierOfTheMergeIsNotCoveredEitherForItsSubjectsAreInIt() {
        List<Map<String, Object>> chains = chains("downstream", "traceFlows", Map.of("from", "s2", "maxHops", 2));

        assertThat(transfers(chains)).containsExactly(List.of("t2-s2-b"), List.of("t2-s2-b", "t3-b-p"));
        assertThat(consent(chains.get(1))).containsEntry("covered", false).containsEntry("firstUncoveredHop", 1);
    }

    @Test
    void verdictsAndCaveatsOfAnUndatedAndABoundedHop() {
        List<Map<String, Object>> chains = chains("downstream", "traceFlows", Map.of("from", "s1", "maxHops", 3));
        Map<String, Object> undated = chains.get(2);
        Map<String, Object> bounded = chains.get(3);

        assertThat(consent(undated)).containsEntry("covered", true).containsEntry("childrenData", true);
        assertThat(consent(undated).get("explanation")).isEqualTo("Covered: every use along this chain (marketing) was within what the data "
                + "subjects were told (\"Stork notice (2015)\").");
        assertThat(consent(bounded)).containsEntry("covered", false).containsEntry("firstUncoveredHop", 2);
        assertThat(caveats(bounded)).containsExactly(
                "The transfer from Broker B to Canvass Co is undated.",
                "The transfer from Canvass Co to Party P is dated only within bounds: between 2018-05-01 and 2018-06-30.",
                "The sources hedge the purposes of the transfer from Stork Club to Broker B: \"apparently for marketing\".",
                "Disputed: Records Stork Club sold to Broker B (recordCount); every claim is listed with its evidence.",
                "\"Stork notice (2019)\" was not in force while the data of Stork members was collected (until it left Stork Club, by "
                        + "2018-01-10), so it was not applied.");
    }

    @Test
    void everywhereADatasetAndWhatWasMadeFromItWent() {
        List<Map<String, Object>> chains = chains("dataset", "traceDataset", Map.of("id", "ds-stork", "maxHops", 3));

        // t5 starts a chain too: Broker B sent Stork data before the sources show it receiving any; t6 carried a model
        // made after it was sent, so it is not the Stork data's movement
        assertThat(transfers(chains)).containsExactly(List.of("t1-s1-b"), List.of("t5-b-c"), List.of("t1-s1-b", "t3-b-p"),
                List.of("t1-s1-b", "t7-b-c"), List.of("t5-b-c", "t8-c-p"), List.of("t1-s1-b", "t7-b-c", "t8-c-p"));
        assertThat(chains).allSatisfy(c -> assertThat(c).containsEntry("basis", "DATA"));
    }

    @Test
    void aDatasetShowsWhatItWasMadeFromAndWhatWasMadeFromIt() {
        var merged = graphQl.documentName("lineage").operationName("derivations").variable("id", "ds-merged").execute();
        var stork = graphQl.documentName("lineage").operationName("derivations").variable("id", "ds-stork").execute();

        merged.path("dataset.derivedFrom[*].source.id").entityList(String.class).containsExactly("ds-owl", "ds-stork");
        merged.path("dataset.derivedFrom[*].kind").entityList(String.class).containsExactly("MERGE", "MERGE");
        merged.path("dataset.derivedFrom[*].date").entityList(String.class).containsExactly("2018-02-01", "2018-02-01");
        merged.path("dataset.derivedFrom[0].evidence[*].quote").entityList(String.class)
            .containsExactly("in February 2018 Broker B merged the Stork and Owl data");
        stork.path("dataset.derivatives[*].dataset.id").entityList(String.class).containsExactly("ds-late-model", "ds-merged");
        stork.path("dataset.derivatives[*].kind").entityList(String.class).containsExactly("MODEL", "MERGE");
    }

    /** The children's-data report keeps the whole chains that follow the data, by the same rule. */
    @Test
    void theChildrensDataReportKeepsWholeDataChainsOnly() {
        var result = reports.run("childrens-data", Map.of(), 100);
        int transfers = result.columns().indexOf("transfers");
        int basis = result.columns().indexOf("basis");

        // t5 (dated before the data reached Broker B) carried children's data too, but is a connection
        assertThat(result.rows().stream().map(r -> r.get(transfers)).toList()).containsExactly(List.of("t1-s1-b", "t3-b-p"),
                List.of("t1-s1-b", "t7-b-c", "t8-c-p"));
        assertThat(result.rows().stream().map(r -> r.get(basis)).toList()).containsOnly("DATA");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> chains(String operation, String field, Map<String, Object> variables) {
        var request = graphQl.documentName("lineage").operationName(operation);
        for (var e : variables.entrySet()) {
            request = request.variable(e.getKey(), e.getValue());
        }
        return request.execute().path(field).entityList(Object.class).get().stream().map(o -> (Map<String, Object>) o).toList();
    }

    @SuppressWarnings("unchecked")
    static List<List<String>> transfers(List<Map<String, Object>> chains) {
        return chains.stream().map(c -> ((List<Map<String, Object>>) c.get("transfers")).stream().map(t -> (String) t.get("id")).toList()).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> datasets(Map<String, Object> chain) {
        return ((List<Map<String, Object>>) chain.get("datasets")).stream().map(d -> (String) d.get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> caveats(Map<String, Object> chain) {
        return (List<String>) chain.get("caveats");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> consent(Map<String, Object> chain) {
        return (Map<String, Object>) chain.get("consent");
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Object list) {
        return ((List<Map<String, Object>>) list).stream().map(m -> (String) m.get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> quotes(Object list) {
        return ((List<Map<String, Object>>) list).stream().map(m -> (String) m.get("quote")).toList();
    }
}
