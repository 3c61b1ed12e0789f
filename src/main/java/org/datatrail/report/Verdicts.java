package org.datatrail.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.datatrail.consent.UseVerdicts;
import org.neo4j.driver.QueryRunner;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Value;

/**
 * A report with {@code // verdict: <column>}: each row's use of data (a map {@code {transfer: id}} or
 * {@code {campaign: id, dataset: id}} in that column) is judged by the consent rule, in batches, and the column is
 * replaced by the verdict; with {@code // keep: uncovered}, rows whose use was covered are left out.
 */
final class Verdicts {

    /** The columns that take the place of the use. */
    static final List<String> COLUMNS = List.of("covered", "uncoveredPurposes", "explanation", "consentsApplied", "disputes", "notes");

    private static final int BATCH = 200;

    private final Report report;
    private final Result result;
    private final QueryRunner judge;
    private final int useAt;

    Verdicts(Report report, Result result, QueryRunner judge) {
        this.report = report;
        this.result = result;
        this.judge = judge;
        this.useAt = result.keys().indexOf(report.verdict());
        if (useAt < 0) {
            throw new IllegalStateException("Report '" + report.name() + "' declares '// verdict: " + report.verdict()
                    + "' but returns no such column; it returns " + result.keys());
        }
    }

    void stream(int maxRows, ReportFormat.Sink sink) {
        List<String> columns = new ArrayList<>(result.keys());
        columns.remove(useAt);
        columns.addAll(COLUMNS);
        sink.columns(columns);
        int rows = 0;
        boolean truncated = false;
        while (result.hasNext() && !truncated) {
            List<Record> batch = new ArrayList<>();
            while (result.hasNext() && batch.size() < BATCH) {
                batch.add(result.next());
            }
            List<UseVerdicts.Verdict> verdicts = UseVerdicts.of(judge, batch.stream().map(this::use).toList());
            for (int i = 0; i < batch.size(); i++) {
                UseVerdicts.Verdict verdict = verdicts.get(i);
                if (Report.UNCOVERED.equals(report.keep()) && verdict.check().covered()) {
                    continue;
                }
                if (rows == maxRows) {
                    truncated = true;
                    break;
                }
                List<Object> values = new ArrayList<>(batch.get(i).values().stream().map(Value::asObject).toList());
                values.remove(useAt);
                values.addAll(List.of(verdict.check().covered(), verdict.uncoveredPurposes(), verdict.check().explanation(),
                        verdict.consentsApplied(), verdict.disputes(), verdict.check().notes()));
                sink.row(values);
                rows++;
            }
        }
        result.consume();
        sink.end(truncated);
    }

    private UseVerdicts.Use use(Record row) {
        Value use = row.get(useAt);
        if (!(use.asObject() instanceof Map<?, ?>)) {
            throw new IllegalStateException("Report '" + report.name() + "': column '" + report.verdict()
                    + "' must hold a map {transfer: id} or {campaign: id, dataset: id}, was " + use);
        }
        return new UseVerdicts.Use(text(use.get("transfer")), text(use.get("campaign")), text(use.get("dataset")));
    }

    private static String text(Value v) {
        return v.isNull() ? null : v.asString();
    }
}
