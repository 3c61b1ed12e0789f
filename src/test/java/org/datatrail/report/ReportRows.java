package org.datatrail.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A report's rows as column-name maps, so tests read like the report's header. */
final class ReportRows {

    private ReportRows() {
    }

    static List<Map<String, Object>> run(ReportRunner runner, String report, Map<String, String> parameters) {
        var result = runner.run(report, parameters, 1000);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<Object> values : result.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < values.size(); i++) {
                row.put(result.columns().get(i), values.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    static List<Object> column(List<Map<String, Object>> rows, String name) {
        return rows.stream().map(r -> r.get(name)).toList();
    }
}
