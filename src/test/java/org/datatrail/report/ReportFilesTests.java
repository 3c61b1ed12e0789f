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
            .hasMessage("cypher/reports/x.cypher:4: parameter 'who' has type 'Text'; expected String, Integer, Float, Boolean or Date");
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
}
