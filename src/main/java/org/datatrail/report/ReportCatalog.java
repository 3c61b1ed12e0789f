package org.datatrail.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The report shelf: every {@code cypher/reports/*.cypher} on the classpath, each checked once (its header,
 * and its query by an {@code EXPLAIN} in a READ session). A file that fails is refused, with a message naming
 * the file and line, and the other reports stay available.
 */
@Component
public final class ReportCatalog {

    static final String LOCATION = "classpath*:cypher/reports/*.cypher";

    private static final Logger log = LoggerFactory.getLogger(ReportCatalog.class);
    private static final Pattern LINE = Pattern.compile("\\(line (\\d+), column (\\d+)");

    private final Map<String, Report> reports = new LinkedHashMap<>();
    private final List<String> refused = new ArrayList<>();

    @Autowired
    public ReportCatalog(Driver driver) {
        this(driver, resources());
    }

    ReportCatalog(Driver driver, Map<String, String> files) {
        for (var file : files.entrySet()) {
            try {
                Report report = ReportFiles.parse(file.getKey(), file.getValue());
                explain(driver, report);
                reports.put(report.name(), report);
            }
            catch (ReportFileException e) {
                log.error("Report refused: {}", e.getMessage());
                refused.add(e.getMessage());
            }
        }
    }

    /** The reports that passed their checks, by name. */
    public List<Report> all() {
        return List.copyOf(reports.values());
    }

    public Optional<Report> find(String name) {
        return Optional.ofNullable(reports.get(name));
    }

    /** Why each refused file was refused ({@code <file>:<line>: <message>}). */
    public List<String> refused() {
        return List.copyOf(refused);
    }

    private static void explain(Driver driver, Report report) {
        try (Session session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
            Map<String, Object> nulls = new LinkedHashMap<>();
            report.parameters().forEach(p -> nulls.put(p.name(), null));
            var plan = session.executeRead(tx -> tx.run("EXPLAIN " + report.cypher(), nulls).consume().plan());
            if (uses(plan, "LoadCSV")) {
                // A READ transaction lets LOAD CSV through (it only reads), but it reads files and URLs, not the graph.
                throw new ReportFileException(report.file() + ":" + report.lineOf("LOAD CSV")
                        + ": reports read the graph only; LOAD CSV reads files or URLs and is not allowed in a report");
            }
        }
        catch (Neo4jException e) {
            Matcher m = LINE.matcher(String.valueOf(e.getMessage()));
            int line = m.find() ? report.firstQueryLine() + Integer.parseInt(m.group(1)) - 1 : report.firstQueryLine();
            throw new ReportFileException(report.file() + ":" + line + ": the query does not parse: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static boolean uses(org.neo4j.driver.summary.Plan plan, String operator) {
        return plan.operatorType().startsWith(operator) || plan.children().stream().anyMatch(child -> uses(child, operator));
    }

    private static Map<String, String> resources() {
        try {
            Map<String, String> files = new java.util.TreeMap<>();
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                files.put("cypher/reports/" + r.getFilename(), r.getContentAsString(StandardCharsets.UTF_8));
            }
            return files;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the report files", e);
        }
    }
}
