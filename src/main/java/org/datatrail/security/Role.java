package org.datatrail.security;

/** What a caller may do. Every role may query; reads always run in READ access mode. */
public enum Role {
    /** Read-only queries; the role of a request without a token (unless anonymous access is off). */
    JOURNALIST,
    /** Queries and recording findings (mutations). */
    INVESTIGATOR,
    /** Queries and reports. */
    ANALYST,
    /** Everything, including seed, import and maintenance. */
    ADMIN;

    /** True for the roles that may record findings. */
    public boolean mayWrite() {
        return this == INVESTIGATOR || this == ADMIN;
    }
}
