package org.datatrail.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.datatrail.system.DataTrailProperties;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The report shelf: every {@code cypher/reports/*.cypher} on the classpath. Each file's header is read when the app
 * starts; its query is checked (by an {@code EXPLAIN} in a READ session) once, when the report is first needed, or for
 * every report when the whole shelf is asked for. A served app that warms up checks the whole shelf in the background
 * as soon as it answers ({@link #checkAllInTheBackground}), so a bad file is still named in the log at start-up; a
 * command checks only the report it runs (planning all ten on a cold JVM cost every command about four seconds). A file
 * that fails is refused, with a message naming the file and line, and the other reports stay available.
 */
@Component
public final class ReportCatalog {

    static final String LOCATION = "classpath*:cypher/reports/*.cypher";

    private static final Logger log = LoggerFactory.getLogger(ReportCatalog.class);
    private static final Pattern LINE = Pattern.compile("\\(line (\\d+), column (\\d+)");

    private final Driver driver;
    private final boolean checkInTheBackground;
    /** Every file whose header parsed, by report name, in file order: checked or not yet. */
    private final Map<String, Report> parsed = new LinkedHashMap<>();
    /** The outcome of each report's check, by name: empty for one that passed, else why it was refused. */
    private final Map<String, Optional<String>> checked = new ConcurrentHashMap<>();
    /** Why each file whose header was refused was refused, in file order. */
    private final List<String> headerRefusals = new ArrayList<>();

    @Autowired
    ReportCatalog(Driver driver, DataTrailProperties properties) {
        this(driver, resources(), properties.api().warmUp());
    }

    /** The shipped shelf, each report checked when first needed. */
    public ReportCatalog(Driver driver) {
        this(driver, resources(), false);
    }

    ReportCatalog(Driver driver, Map<String, String> files) {
        this(driver, files, false);
    }

    private ReportCatalog(Driver driver, Map<String, String> files, boolean checkInTheBackground) {
        this.driver = driver;
        this.checkInTheBackground = checkInTheBackground;
        for (var file : files.entrySet()) {
            try {
                Report report = ReportFiles.parse(file.getKey(), file.getValue());
                parsed.put(report.name(), report);
            }
            catch (ReportFileException e) {
                log.error("Report refused: {}", e.getMessage());
                headerRefusals.add(e.getMessage());
            }
        }
    }

    /** The reports that passed their checks, by name (checking those not checked yet). */
    public List<Report> all() {
        return parsed.values().stream().filter(r -> check(r).isEmpty()).toList();
    }

    /** The report called {@code name}, checked, or empty when there is none or it was refused. */
    public Optional<Report> find(String name) {
        Report report = parsed.get(name);
        return report == null || check(report).isPresent() ? Optional.empty() : Optional.of(report);
    }

    /** Why each refused file was refused ({@code <file>:<line>: <message>}), checking those not checked yet. */
    public List<String> refused() {
        List<String> all = new ArrayList<>(headerRefusals);
        parsed.values().forEach(r -> check(r).ifPresent(all::add));
        return all;
    }

    /**
     * In a served app that warms up ({@code datatrail.api.warm-up}), checks every report not checked yet on another
     * thread once the app answers, so that refusals are logged at start-up and the plans are cached.
     */
    @EventListener(ApplicationReadyEvent.class)
    void checkAllInTheBackground(ApplicationReadyEvent ready) {
        if (checkInTheBackground && ready.getApplicationContext() instanceof WebServerApplicationContext) {
            Thread.ofVirtual().name("report-catalog-check").start(this::refused);
        }
    }

    /** The outcome of {@code report}'s check, checking it on first use: empty when it passed, else why it was refused. */
    private Optional<String> check(Report report) {
        return checked.computeIfAbsent(report.name(), name -> {
            try {
                explain(driver, report);
                return Optional.empty();
            }
            catch (ReportFileException e) {
                log.error("Report refused: {}", e.getMessage());
                return Optional.of(e.getMessage());
            }
        });
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
