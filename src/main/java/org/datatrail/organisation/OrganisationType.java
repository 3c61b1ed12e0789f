package org.datatrail.organisation;

/** What kind of organisation it is; one organisation may be several (a credit reference agency that brokers data). */
public enum OrganisationType {
    /** Collects personal data from the public (e.g. a parenting club). */
    DATA_SUPPLIER,
    /** Buys, licenses or resells personal data. */
    DATA_BROKER,
    CREDIT_REFERENCE_AGENCY,
    POLITICAL_PARTY,
    CAMPAIGN_GROUP,
    REGULATOR,
    /** Social network, app store, ad platform. */
    PLATFORM,
    /** Analytics and data-science firms. */
    CONSULTANCY,
    OTHER
}
