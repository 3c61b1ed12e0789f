/** Organisations (suppliers, brokers, parties, regulators...) and how they are found by name. */
package org.datatrail.organisation;
