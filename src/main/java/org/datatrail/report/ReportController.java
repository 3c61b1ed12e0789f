package org.datatrail.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The report shelf over HTTP, for ANALYST, INVESTIGATOR and ADMIN tokens: {@code GET /reports} lists the
 * reports and their parameters; {@code GET /reports/{name}?key=value} streams the rows as CSV, JSON or
 * Markdown (by {@code format=} or the {@code Accept} header), at most {@code datatrail.reports.max-rows}.
 */
@RestController
class ReportController {

    private final ReportCatalog catalog;
    private final ReportRunner runner;
    private final int maxRows;

    ReportController(ReportCatalog catalog, ReportRunner runner, ReportProperties settings) {
        this.catalog = catalog;
        this.runner = runner;
        this.maxRows = settings.maxRows();
    }

    /** The shelf, and the files that were refused with why. */
    record Shelf(List<Report> reports, List<String> refused) {
    }

    @PreAuthorize("hasAnyRole('ANALYST', 'INVESTIGATOR', 'ADMIN')")
    @GetMapping(value = "/reports", produces = MediaType.APPLICATION_JSON_VALUE)
    Shelf list() {
        return new Shelf(catalog.all(), catalog.refused());
    }

    @PreAuthorize("hasAnyRole('ANALYST', 'INVESTIGATOR', 'ADMIN')")
    @GetMapping("/reports/{name}")
    ResponseEntity<StreamingResponseBody> run(@PathVariable String name, @RequestParam Map<String, String> query,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Map<String, String> parameters = new HashMap<>(query);
        String formatName = parameters.remove("format");
        ReportFormat format = formatName != null ? ReportFormat.of(formatName) : fromAccept(accept);
        // checked before the first byte is sent, so a bad request is a 400 and not a broken stream
        runner.check(name, parameters);
        StreamingResponseBody body = out -> runner.stream(name, parameters, maxRows, format.writer(out));
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(format.mediaType() + ";charset=UTF-8"))
            .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + "." + format.name().toLowerCase(java.util.Locale.ROOT) + "\"")
            .body(body);
    }

    private static ReportFormat fromAccept(String accept) {
        if (accept != null && accept.contains("text/csv")) {
            return ReportFormat.CSV;
        }
        if (accept != null && accept.contains("text/markdown")) {
            return ReportFormat.MD;
        }
        return ReportFormat.JSON;
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    ResponseEntity<Map<String, String>> forbidden(org.springframework.security.access.AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("error", "Forbidden", "message", org.datatrail.security.AccessRefusal.message(e, "running reports")));
    }

    @ExceptionHandler(org.datatrail.system.NotFoundException.class)
    ResponseEntity<Map<String, String>> notFound(org.datatrail.system.NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("error", "Not Found", "message", e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(Map.of("error", "bad request", "message", e.getMessage()));
    }
}
