package org.datatrail.report;

import java.util.ArrayList;
import java.util.List;

import org.datatrail.transfer.Traces;
import org.neo4j.driver.QueryRunner;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Value;

/**
 * A report with {@code // lineage: <column>}: each row's chain (transfer ids in that column) is labelled, in batches, by
 * the lineage rule the traces follow: {@code basis} (DATA or CONNECTION) and {@code lineageBreaksAtHop}. With
 * {@code // keep: data}, only DATA chains; with {@code // keep: whole data chains}, only DATA chains that the next kept
 * row does not extend (the query orders a chain right before its extensions).
 */
final class ChainLabels {

    static final List<String> COLUMNS = List.of("basis", "lineageBreaksAtHop");

    private static final int BATCH = 200;

    private final Report report;
    private final Result result;
    private final QueryRunner judge;
    private final int chainAt;

    ChainLabels(Report report, Result result, QueryRunner judge) {
        this.report = report;
        this.result = result;
        this.judge = judge;
        this.chainAt = result.keys().indexOf(report.lineage());
        if (chainAt < 0) {
            throw new IllegalStateException("Report '" + report.name() + "' declares '// lineage: " + report.lineage()
                    + "' but returns no such column; it returns " + result.keys());
        }
    }

    void stream(int maxRows, ReportFormat.Sink sink) {
        List<String> columns = new ArrayList<>(result.keys());
        columns.addAll(COLUMNS);
        sink.columns(columns);
        boolean whole = Report.WHOLE_DATA_CHAINS.equals(report.keep());
        boolean dataOnly = whole || Report.DATA.equals(report.keep());
        int rows = 0;
        boolean truncated = false;
        Kept pending = null;
        while (result.hasNext() && !truncated) {
            List<Record> batch = new ArrayList<>();
            while (result.hasNext() && batch.size() < BATCH) {
                batch.add(result.next());
            }
            List<List<String>> chains = batch.stream().map(this::chain).toList();
            List<Integer> breaks = Traces.lineageBreaks(judge, chains);
            for (int i = 0; i < batch.size() && !truncated; i++) {
                Integer breakAt = breaks.get(i);
                if (dataOnly && breakAt != null) {
                    continue;
                }
                List<Object> values = new ArrayList<>(batch.get(i).values().stream().map(Value::asObject).toList());
                values.add(breakAt == null ? "DATA" : "CONNECTION");
                values.add(breakAt);
                Kept kept = new Kept(chains.get(i), values);
                if (whole && pending != null && kept.extendsChain(pending)) {
                    pending = kept;
                    continue;
                }
                if (pending != null) {
                    if (rows == maxRows) {
                        truncated = true;
                        break;
                    }
                    sink.row(pending.values());
                    rows++;
                }
                pending = kept;
            }
        }
        if (pending != null && !truncated) {
            if (rows == maxRows) {
                truncated = true;
            }
            else {
                sink.row(pending.values());
            }
        }
        result.consume();
        sink.end(truncated);
    }

    private List<String> chain(Record row) {
        Value chain = row.get(chainAt);
        return chain.asList(Value::asString);
    }

    /** A row kept so far, held back one row so that an extension of its chain can replace it. */
    private record Kept(List<String> chain, List<Object> values) {

        boolean extendsChain(Kept shorter) {
            return chain.size() > shorter.chain().size() && chain.subList(0, shorter.chain().size()).equals(shorter.chain());
        }
    }
}
