/** The audit trail: who recorded which fact, when, and what the write did. */
package org.datatrail.audit;
