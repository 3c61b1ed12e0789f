/** The one write path: facts files (seed, mutations, imports) validated as a whole and written in one transaction. */
package org.datatrail.ingest;
