package org.datatrail.transfer;

import java.util.List;

import org.datatrail.consent.ConsentRule.ConsentCheck;

/**
 * A chain of transfers as a trace found it: organisations[i] sent transfers[i] to organisations[i+1].
 * Holds ids; the organisations and transfers are loaded in one batch for all chains of an answer.
 */
public record FlowPath(List<String> organisationIds, List<String> transferIds, ConsentCheck consent, String cursor) {

    public int hops() {
        return transferIds.size();
    }
}
