package org.datatrail.report;

import java.util.ArrayList;
import java.util.List;

import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Value;

/**
 * A report whose rows the application judges by one of its rules before they are shown ({@code // verdict:} or
 * {@code // lineage:}): rows are read in batches, each batch is judged with one statement, and each row is kept (with
 * the judgement's columns) or left out. A kept row waits for the next one, which may take its place (a whole chain
 * replacing its beginning).
 *
 * @param <J> what the rule says of one row
 */
abstract class JudgedRows<J> {

    private static final int BATCH = 200;

    final Report report;
    final int at;
    private final Result result;

    /** @param column the column the header names, which every row must have */
    JudgedRows(Report report, Result result, String header, String column) {
        this.report = report;
        this.result = result;
        this.at = result.keys().indexOf(column);
        if (at < 0) {
            throw new IllegalStateException("Report '" + report.name() + "' declares '// " + header + ": " + column
                    + "' but returns no such column; it returns " + result.keys());
        }
    }

    /** The columns shown, given the query's. */
    abstract List<String> columns(List<String> keys);

    /** What the rule says of each row of a batch, in order. */
    abstract List<J> judge(List<Record> batch);

    /** The row as shown, or null to leave it out. */
    abstract List<Object> row(Record record, J judgement);

    /** Whether a kept row takes the place of the kept row before it (by default, never). */
    boolean replaces(List<Object> row, List<Object> before) {
        return false;
    }

    final void stream(int maxRows, ReportFormat.Sink sink) {
        sink.columns(columns(result.keys()));
        int rows = 0;
        boolean truncated = false;
        List<Object> pending = null;
        while (result.hasNext() && !truncated) {
            List<Record> batch = new ArrayList<>();
            while (result.hasNext() && batch.size() < BATCH) {
                batch.add(result.next());
            }
            List<J> judgements = judge(batch);
            for (int i = 0; i < batch.size() && !truncated; i++) {
                List<Object> row = row(batch.get(i), judgements.get(i));
                if (row == null) {
                    continue;
                }
                if (pending != null && !replaces(row, pending)) {
                    if (rows == maxRows) {
                        truncated = true;
                        break;
                    }
                    sink.row(pending);
                    rows++;
                }
                pending = row;
            }
        }
        if (pending != null && !truncated) {
            truncated = rows == maxRows;
            if (!truncated) {
                sink.row(pending);
            }
        }
        result.consume();
        sink.end(truncated);
    }

    /** A record's values as Java objects. */
    static List<Object> values(Record record) {
        return new ArrayList<>(record.values().stream().map(Value::asObject).toList());
    }
}
