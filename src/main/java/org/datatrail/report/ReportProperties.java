package org.datatrail.report;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code datatrail.reports.*}: how long a report may run and how much of it the HTTP API returns.
 *
 * @param timeout longest a report's READ transaction may run before Neo4j stops it, on the command line and over HTTP
 * @param maxRows most rows {@code GET /reports/{name}} returns; the command line writes every row
 */
@ConfigurationProperties("datatrail.reports")
public record ReportProperties(@DefaultValue("60s") Duration timeout, @DefaultValue("10000") int maxRows) {
}
