/**
 * The benchmark: generate a network, import it through the write path, then measure the API over HTTP
 * against the same Cypher on the driver, in one process on one graph. A command, not a timed test.
 */
package org.datatrail.bench;
