/** Dated events that are not transfers, campaigns or enforcement actions, and the timeline of everything dated. */
package org.datatrail.timeline;
