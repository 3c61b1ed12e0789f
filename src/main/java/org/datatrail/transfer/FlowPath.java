package org.datatrail.transfer;

import java.util.List;

import org.datatrail.consent.ConsentRule.ConsentCheck;

/**
 * A chain of transfers as a trace found it: organisations[i] sent transfers[i] (carrying datasets[i]) to
 * organisations[i+1]. Holds ids; the organisations, transfers and datasets are loaded in one batch for all chains of
 * an answer.
 *
 * @param lineageBreaksAtHop for a CONNECTION chain, the first hop whose data the sources do not tie to the hop before
 * @param caveats what the chain's reading rests on that is weak, in sentences
 */
public record FlowPath(List<String> organisationIds, List<String> transferIds, List<String> datasetIds, FlowBasis basis,
        Integer lineageBreaksAtHop, List<String> caveats, ConsentCheck consent, String cursor) {

    public int hops() {
        return transferIds.size();
    }
}
