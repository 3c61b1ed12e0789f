/** Cross-cutting wiring: the embedded Neo4j, the Driver and OGM, schema migrations, start-up. */
package org.datatrail.system;
