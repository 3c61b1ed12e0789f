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
 * {@code {campaign: id, dataset: id}} in that column) is judged by the consent rule, and the column is replaced by the
 * verdict; with {@code // keep: uncovered}, rows whose use was covered are left out.
 */
final class Verdicts extends JudgedRows<UseVerdicts.Verdict> {

    /** The columns that take the place of the use. */
    static final List<String> COLUMNS = List.of("covered", "uncoveredPurposes", "explanation", "consentsApplied", "disputes", "notes");

    private final QueryRunner judge;

    Verdicts(Report report, Result result, QueryRunner judge) {
        super(report, result, "verdict", report.verdict());
        this.judge = judge;
    }

    @Override
    List<String> columns(List<String> keys) {
        List<String> columns = new ArrayList<>(keys);
        columns.remove(at);
        columns.addAll(COLUMNS);
        return columns;
    }

    @Override
    List<UseVerdicts.Verdict> judge(List<Record> batch) {
        return UseVerdicts.of(judge, batch.stream().map(this::use).toList());
    }

    @Override
    List<Object> row(Record record, UseVerdicts.Verdict verdict) {
        if (Report.UNCOVERED.equals(report.keep()) && verdict.check().covered()) {
            return null;
        }
        List<Object> values = values(record);
        values.remove(at);
        values.addAll(List.of(verdict.check().covered(), verdict.uncoveredPurposes(), verdict.check().explanation(), verdict.consentsApplied(),
                verdict.disputes(), verdict.check().notes()));
        return values;
    }

    private UseVerdicts.Use use(Record row) {
        Value use = row.get(at);
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
