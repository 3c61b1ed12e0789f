/** Analysts' reports: named, parameterised Cypher files under cypher/reports, run read-only. */
package org.datatrail.report;
