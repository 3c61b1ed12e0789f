package org.datatrail.report;

import java.util.ArrayList;
import java.util.List;

import org.datatrail.transfer.Traces;
import org.neo4j.driver.QueryRunner;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Value;

/**
 * A report with {@code // lineage: <column>}: each row's chain (transfer ids in that column) is labelled by the
 * lineage rule the traces follow: {@code basis} (DATA or CONNECTION) and {@code lineageBreaksAtHop}. With
 * {@code // keep: data}, only DATA chains; with {@code // keep: whole data chains}, only DATA chains that the next kept
 * row does not extend (the query orders a chain right before its extensions).
 */
final class ChainLabels extends JudgedRows<Integer> {

    static final List<String> COLUMNS = List.of("basis", "lineageBreaksAtHop");

    private final QueryRunner judge;

    ChainLabels(Report report, Result result, QueryRunner judge) {
        super(report, result, "lineage", report.lineage());
        this.judge = judge;
    }

    @Override
    List<String> columns(List<String> keys) {
        List<String> columns = new ArrayList<>(keys);
        columns.addAll(COLUMNS);
        return columns;
    }

    @Override
    List<Integer> judge(List<Record> batch) {
        return Traces.lineageBreaks(judge, batch.stream().map(this::chain).toList());
    }

    @Override
    List<Object> row(Record record, Integer breakAt) {
        if (breakAt != null && (Report.DATA.equals(report.keep()) || Report.WHOLE_DATA_CHAINS.equals(report.keep()))) {
            return null;
        }
        List<Object> values = values(record);
        values.add(breakAt == null ? "DATA" : "CONNECTION");
        values.add(breakAt);
        return values;
    }

    @Override
    boolean replaces(List<Object> row, List<Object> before) {
        if (!Report.WHOLE_DATA_CHAINS.equals(report.keep())) {
            return false;
        }
        List<?> chain = (List<?>) row.get(at);
        List<?> shorter = (List<?>) before.get(at);
        return chain.size() > shorter.size() && chain.subList(0, shorter.size()).equals(shorter);
    }

    private List<String> chain(Record row) {
        return row.get(at).asList(Value::asString);
    }
}
