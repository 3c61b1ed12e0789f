package org.datatrail.report;

import java.io.UncheckedIOException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.datatrail.organisation.Suggestions;
import org.datatrail.system.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Runs a report in a READ access-mode transaction with a timeout, so a report that writes is refused by
 * the database itself and a slow one is stopped; at most {@code maxRows} rows are kept.
 */
@Service
public final class ReportRunner {

    private final Driver driver;
    private final ReportCatalog catalog;
    private final TransactionConfig transaction;

    @org.springframework.beans.factory.annotation.Autowired
    public ReportRunner(Driver driver, ReportCatalog catalog, ReportProperties settings) {
        this(driver, catalog, settings.timeout());
    }

    /** Runs reports that Neo4j stops after {@code timeout}. */
    public ReportRunner(Driver driver, ReportCatalog catalog, Duration timeout) {
        this.driver = driver;
        this.catalog = catalog;
        this.transaction = TransactionConfig.builder().withTimeout(timeout).build();
    }

    /** Columns and rows of one run; {@code truncated} when the row limit cut it short. */
    public record Result(List<String> columns, List<List<Object>> rows, boolean truncated) {
    }

    /**
     * Runs a report and keeps its rows in memory (for tests and small answers).
     *
     * @throws IllegalArgumentException with one clear line: unknown report, unknown, missing or mistyped parameter
     */
    public Result run(String name, Map<String, String> rawParameters, int maxRows) {
        List<String> columns = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        boolean[] truncated = { false };
        stream(name, rawParameters, maxRows, new ReportFormat.Sink() {
            @Override
            public void columns(List<String> c) {
                columns.addAll(c);
            }

            @Override
            public void row(List<Object> values) {
                rows.add(values);
            }

            @Override
            public void end(boolean cut) {
                truncated[0] = cut;
            }
        });
        return new Result(columns, rows, truncated[0]);
    }

    /**
     * Runs a report, handing each row to {@code sink} as the database produces it; stops after {@code maxRows}.
     *
     * @throws IllegalArgumentException with one clear line: unknown report, unknown, missing or mistyped parameter
     */
    public void stream(String name, Map<String, String> rawParameters, int maxRows, ReportFormat.Sink sink) {
        stream(report(name), rawParameters, maxRows, sink);
    }

    /**
     * {@link #stream(String, Map, int, ReportFormat.Sink)} for a report given whole. A failure after the first row was
     * handed on is told to the sink ({@link ReportFormat.Sink#fail}), so the output cannot pass for a whole report, and
     * then thrown as usual.
     */
    void stream(Report report, Map<String, String> rawParameters, int maxRows, ReportFormat.Sink out) {
        Map<String, Object> parameters = parameters(report, rawParameters);
        requireNamed(report, parameters);
        boolean[] started = { false };
        ReportFormat.Sink sink = new ReportFormat.Sink() {
            @Override
            public void columns(List<String> columns) {
                started[0] = true;
                out.columns(columns);
            }

            @Override
            public void row(List<Object> values) {
                out.row(values);
            }

            @Override
            public void end(boolean truncated) {
                out.end(truncated);
            }
        };
        try {
            run(report, parameters, maxRows, sink);
        }
        catch (RuntimeException e) {
            if (started[0]) {
                out.fail(failure(e));
            }
            throw e;
        }
    }

    private void run(Report report, Map<String, Object> parameters, int maxRows, ReportFormat.Sink sink) {
        try (Session session = driver.session(readSession())) {
            // an explicit transaction, not a retrying executeRead: rows already streamed cannot be taken back
            try (org.neo4j.driver.Transaction tx = session.beginTransaction(transaction)) {
                org.neo4j.driver.Result result = tx.run(report.cypher(), parameters);
                if (report.lineage() != null) {
                    try (Session labels = driver.session(readSession()); org.neo4j.driver.Transaction judge = labels.beginTransaction(transaction)) {
                        new ChainLabels(report, result, judge).stream(maxRows, sink);
                    }
                }
                else if (report.verdict() == null) {
                    sink.columns(result.keys());
                    int rows = 0;
                    while (result.hasNext() && rows < maxRows) {
                        sink.row(result.next().values().stream().map(org.neo4j.driver.Value::asObject).toList());
                        rows++;
                    }
                    boolean truncated = result.hasNext();
                    result.consume();
                    sink.end(truncated);
                }
                else {
                    // the verdicts run in a READ transaction of their own, so that the report's rows keep streaming
                    try (Session verdicts = driver.session(readSession()); org.neo4j.driver.Transaction judge = verdicts.beginTransaction(transaction)) {
                        new Verdicts(report, result, judge).stream(maxRows, sink);
                    }
                }
            }
        }
    }

    /**
     * What {@link #stream} checks before its first row, on its own: for a caller that must refuse a request before it
     * starts an answer (an HTTP status cannot change once the body has begun).
     *
     * @throws IllegalArgumentException for an unknown report or a missing or mistyped parameter
     * @throws NotFoundException for an id parameter that names nothing
     */
    public void check(String name, Map<String, String> rawParameters) {
        Report report = report(name);
        requireNamed(report, parameters(report, rawParameters));
    }

    /**
     * Each id parameter names something: an id that names nothing would answer an empty report that reads as "none",
     * so it is refused, with what the caller may have meant: the organisations whose names come nearest (by the search
     * index), or the sources or facts whose ids hold one of its words.
     *
     * @throws NotFoundException naming the parameter's value, with up to three suggestions
     */
    private void requireNamed(Report report, Map<String, Object> parameters) {
        for (Report.Parameter p : report.parameters()) {
            if (p.type().isId() && parameters.get(p.name()) instanceof String id) {
                try (Session session = driver.session(readSession())) {
                    boolean exists = session.executeRead(tx -> tx.run(EXISTS.get(p.type()), Map.of("id", id)).single().get("found").asBoolean());
                    if (!exists) {
                        String hint = Suggestions.didYouMean(session.executeRead(tx -> p.type() == Report.Type.Organisation
                                ? tx.run(Suggestions.QUERY, Suggestions.parameters(id)).list()
                                : tx.run(NEAR_IDS.get(p.type()), Map.of("words", Suggestions.words(id))).list()));
                        throw new NotFoundException(p.type().name().toLowerCase(java.util.Locale.ROOT), id,
                                "parameter '" + p.name() + "' of report '" + report.name() + "'", hint);
                    }
                }
            }
        }
    }

    /** Whether an id names a node of the parameter's type. */
    private static final Map<Report.Type, String> EXISTS = Map.of(
            Report.Type.Organisation, "RETURN EXISTS { MATCH (:Organisation {id: $id}) } AS found",
            Report.Type.Source, "RETURN EXISTS { MATCH (:Source {id: $id}) } AS found",
            Report.Type.Fact, "RETURN EXISTS { MATCH (:Fact {id: $id}) } AS found");

    /** Up to three sources or facts whose ids hold one of $words, by id, with a name to show. */
    private static final Map<Report.Type, String> NEAR_IDS = Map.of(
            Report.Type.Source, """
                    MATCH (n:Source) WHERE any(w IN $words WHERE n.id CONTAINS w)
                    RETURN n.id AS id, coalesce(n.title, n.id) AS name ORDER BY n.id LIMIT 3""",
            Report.Type.Fact, """
                    MATCH (n:Fact) WHERE any(w IN $words WHERE n.id CONTAINS w)
                    RETURN n.id AS id, coalesce(n.name, n.title, n.id) AS name ORDER BY n.id LIMIT 3""");

    /** Why a report stopped, in words for its reader: never a library's exception text. */
    static String failure(RuntimeException e) {
        if (e instanceof org.neo4j.driver.exceptions.Neo4jException n) {
            return n.code().contains("TransactionTimedOut") || n.code().contains("Terminated")
                    ? "the report ran longer than its time limit (datatrail.reports.timeout) and the database stopped it"
                    : "the database stopped the report (" + n.code() + ")";
        }
        return e instanceof UncheckedIOException ? "the output could not be written" : "the report stopped on an internal error; the server log has it";
    }

    private SessionConfig readSession() {
        return SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).withBookmarkManager(driver.executableQueryBookmarkManager()).build();
    }

    /**
     * @throws IllegalArgumentException naming the reports there are
     */
    public Report report(String name) {
        return catalog.find(name).orElseThrow(() -> new IllegalArgumentException("No report '" + name + "'; reports: "
                + catalog.all().stream().map(Report::name).collect(Collectors.joining(", "))));
    }

    static Map<String, Object> parameters(Report report, Map<String, String> raw) {
        for (String key : raw.keySet()) {
            if (report.parameters().stream().noneMatch(p -> p.name().equals(key))) {
                throw new IllegalArgumentException("Report '" + report.name() + "' has no parameter '" + key + "'; it takes: "
                        + (report.parameters().isEmpty() ? "none" : report.parameters().stream().map(Report.Parameter::name).collect(Collectors.joining(", "))));
            }
        }
        Map<String, Object> values = new HashMap<>();
        for (Report.Parameter p : report.parameters()) {
            String text = raw.get(p.name());
            if (text == null) {
                if (p.required()) {
                    throw new IllegalArgumentException("Report '" + report.name() + "' needs parameter '" + p.name() + "' (" + p.type() + "): " + p.description());
                }
                values.put(p.name(), p.defaultValue());
                continue;
            }
            try {
                Object value = ReportFiles.convert(p.type(), text);
                ReportFiles.checkRange(value, p.min(), p.max());
                values.put(p.name(), value);
            }
            catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Parameter '" + p.name() + "' of report '" + report.name() + "' must be " + expected(p)
                        + ", was '" + (text.length() > 100 ? text.substring(0, 100) + "…' (" + text.length() + " characters)" : text + "'"));
            }
        }
        return values;
    }

    /** What a parameter takes, in words: its type, and its range or format where it has one. */
    private static String expected(Report.Parameter p) {
        return p.type() + switch (p.type()) {
            case Date -> " (YYYY-MM-DD)";
            case String -> " of at most " + ReportFiles.MAX_STRING + " characters, without NUL";
            case Organisation, Source, Fact -> " (the id of one) of at most " + ReportFiles.MAX_STRING + " characters, without NUL";
            case Float -> p.min() == null ? " (a finite number)" : " from " + p.min() + " to " + p.max();
            case Integer -> p.min() == null ? "" : " from " + p.min().longValue() + " to " + p.max().longValue();
            case Boolean -> " (true or false)";
        };
    }
}
