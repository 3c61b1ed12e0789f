package org.datatrail.ingest;

import java.util.Map;
import java.util.Set;

/**
 * What is already recorded that the validator must check an input against: the database's records, read in the
 * write's own transaction, or, in an offline import, everything the batches before accepted. Only what the input
 * touches need be present.
 *
 * @param kinds the kind (main label, e.g. {@code Organisation}) of each id
 * @param derivedFrom for each dataset, the datasets it is derived from: enough of the lineage, upwards from the
 *            datasets the input derives from, for the cycle check
 * @param derivationInto for each derivation id, the dataset it derives
 * @param supersedes for each consent, the consent it supersedes: enough of the chains of versions, downwards from
 *            the consents the input supersedes, for the cycle check
 * @param documents the text of each cited source's attached document, by source id: every quote citing one of these
 *            sources must be found in it; a source with no document is absent (its quotes stay unchecked)
 */
record Existing(Map<String, String> kinds, Map<String, Set<String>> derivedFrom, Map<String, String> derivationInto,
        Map<String, String> supersedes, Map<String, SourceText> documents) {
}
