package org.datatrail.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReportFilesTests {

    static final String GOOD = """
            // title: Example
            // answers: Something useful.
            // param: since Date = 2017-01-01 -- from when
            // param: who String -- whose
            MATCH (n) RETURN n
            """;

    @Test
    void readsTheHeaderAndWhereTheQueryStarts() {
        Report report = ReportFiles.parse("cypher/reports/example.cypher", GOOD);

        assertThat(report.name()).isEqualTo("example");
        assertThat(report.title()).isEqualTo("Example");
        assertThat(report.parameters()).containsExactly(
                new Report.Parameter("since", Report.Type.Date, false, LocalDate.of(2017, 1, 1), "from when"),
                new Report.Parameter("who", Report.Type.String, true, null, "whose"));
        assertThat(report.firstQueryLine()).isEqualTo(5);
    }

    @Test
    void badHeadersAreNamedByFileAndLine() {
        assertThatThrownBy(() -> ReportFiles.parse("cypher/reports/x.cypher", GOOD.replace("Date = 2017-01-01", "Date = soon")))
            .hasMessage("cypher/reports/x.cypher:3: parameter 'since' has default 'soon', which is not a Date");
        assertThatThrownBy(() -> ReportFiles.parse("cypher/reports/x.cypher", GOOD.replace("who String --", "who Text --")))
            .hasMessage("cypher/reports/x.cypher:4: parameter 'who' has type 'Text'; expected String, Integer, Float, Boolean, Date, Organisation, Source or Fact");
        assertThatThrownBy(() -> ReportFiles.parse("cypher/reports/x.cypher", GOOD.replace("// param: who String -- whose", "// param: who")))
            .hasMessage("cypher/reports/x.cypher:4: a parameter is '// param: <name> <Type> [= <default>] -- <description>'");
        assertThatThrownBy(() -> ReportFiles.parse("cypher/reports/x.cypher", GOOD.replace("// title: Example\n", "")))
            .hasMessage("cypher/reports/x.cypher:1: the header needs a '// title: <title>' line");
        assertThatThrownBy(() -> ReportFiles.parse("cypher/reports/Bad Name.cypher", GOOD))
            .hasMessageContaining("a report file is named <lower-case-name>.cypher");
    }

    @Test
    void aReportMayAskForVerdictsOrLineageAndWhichRowsToKeep() {
        Report judged = ReportFiles.parse("cypher/reports/x.cypher", "// verdict: use\n// keep: uncovered\n" + GOOD);
        Report labelled = ReportFiles.parse("cypher/reports/x.cypher", "// lineage: transfers\n// keep: whole data chains\n" + GOOD);

        assertThat(judged.verdict()).isEqualTo("use");
        assertThat(judged.keep()).isEqualTo(Report.UNCOVERED);
        assertThat(labelled.lineage()).isEqualTo("transfers");
        assertThat(labelled.keep()).isEqualTo(Report.WHOLE_DATA_CHAINS);
        assertThatThrownBy(() -> ReportFiles.parse("cypher/reports/x.cypher", "// keep: uncovered\n" + GOOD))
            .hasMessage("cypher/reports/x.cypher:1: '// keep: uncovered' needs a '// verdict: <column>' line");
        assertThatThrownBy(() -> ReportFiles.parse("cypher/reports/x.cypher", "// keep: data\n" + GOOD))
            .hasMessage("cypher/reports/x.cypher:1: '// keep: data' needs a '// lineage: <column>' line");
        assertThatThrownBy(() -> ReportFiles.parse("cypher/reports/x.cypher", "// lineage: transfers\n// keep: most\n" + GOOD))
            .hasMessage("cypher/reports/x.cypher:2: '// keep:' is 'uncovered', 'data' or 'whole data chains', was 'most'");
        assertThatThrownBy(() -> ReportFiles.parse("cypher/reports/x.cypher", "// lineage: the chain\n" + GOOD))
            .hasMessage("cypher/reports/x.cypher:1: '// lineage: <column>' names the column holding each row's chain of transfer ids, was 'the chain'");
    }

    @Test
    void parametersAreCheckedByNameAndType() {
        Report report = ReportFiles.parse("cypher/reports/example.cypher", GOOD);

        assertThat(ReportRunner.parameters(report, Map.of("who", "x"))).containsEntry("since", LocalDate.of(2017, 1, 1));
        assertThatThrownBy(() -> ReportRunner.parameters(report, Map.of("who", "x", "colour", "red")))
            .hasMessage("Report 'example' has no parameter 'colour'; it takes: since, who");
        assertThatThrownBy(() -> ReportRunner.parameters(report, Map.of()))
            .hasMessage("Report 'example' needs parameter 'who' (String): whose");
        assertThatThrownBy(() -> ReportRunner.parameters(report, Map.of("who", "x", "since", "last year")))
            .hasMessage("Parameter 'since' of report 'example' must be Date (YYYY-MM-DD), was 'last year'");
    }

    @Test
    void numbersAreCheckedAgainstTheirDeclaredRangeAndTextIsBounded() {
        Report report = ReportFiles.parse("cypher/reports/ranged.cypher", """
                // title: Ranged
                // answers: The first few.
                // param: top Integer 1..1000 = 20 -- how many
                // param: share Float 0..1 = null -- a fraction
                // param: name String = null -- whose
                MATCH (o:Organisation) WHERE $name IS NULL OR o.name = $name RETURN o.name AS name LIMIT $top
                """);

        assertThat(report.parameters().getFirst()).isEqualTo(new Report.Parameter("top", Report.Type.Integer, false, 20L, "how many", 1.0, 1000.0));
        assertThat(ReportRunner.parameters(report, Map.of("top", "1000"))).containsEntry("top", 1000L);
        for (String top : java.util.List.of("-1", "0", "1001", "99999999999999999999", "2147483648")) {
            assertThatThrownBy(() -> ReportRunner.parameters(report, Map.of("top", top)))
                .hasMessage("Parameter 'top' of report 'ranged' must be Integer from 1 to 1000, was '" + top + "'");
        }
        for (String share : java.util.List.of("NaN", "Infinity", "1.5", "-0.1")) {
            assertThatThrownBy(() -> ReportRunner.parameters(report, Map.of("share", share))).hasMessageStartingWith(
                    "Parameter 'share' of report 'ranged' must be Float from 0.0 to 1.0, was '" + share + "'");
        }
        assertThatThrownBy(() -> ReportRunner.parameters(report, Map.of("name", "x".repeat(5000)))).hasMessage(
                "Parameter 'name' of report 'ranged' must be String of at most 1000 characters, without NUL, was '" + "x".repeat(100)
                        + "…' (5000 characters)");
        assertThatThrownBy(() -> ReportFiles.parse("cypher/reports/x.cypher", "// title: X\n// answers: Y.\n// param: top Integer 5..1 = 3 -- n\n"
                + "RETURN 1 AS one")).hasMessage("cypher/reports/x.cypher:3: parameter 'top' has range 5..1; a range is '<min>..<max>' "
                        + "(min not above max) and only for an Integer or Float");
        assertThatThrownBy(() -> ReportFiles.parse("cypher/reports/x.cypher", "// title: X\n// answers: Y.\n// param: top Integer 1..10 = 30 -- n\n"
                + "RETURN 1 AS one")).hasMessage("cypher/reports/x.cypher:3: parameter 'top' has default '30', which is not a Integer in 1..10");
    }
}
