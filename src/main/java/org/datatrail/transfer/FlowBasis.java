package org.datatrail.transfer;

/**
 * What a chain rests on. DATA: every hop after the first moved data the hop before delivered (the same dataset, or
 * one the sources show the receiver made from it), and no known date says otherwise. CONNECTION: the organisations
 * are linked by transfers, but the sources do not show the same data moving on: a lead, not a finding.
 */
public enum FlowBasis {
    DATA, CONNECTION
}
