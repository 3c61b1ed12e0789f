/** Dated events that are not transfers, campaigns or enforcement actions. */
package org.datatrail.timeline;
