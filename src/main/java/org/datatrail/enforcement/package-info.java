/** Regulators' enforcement actions. */
package org.datatrail.enforcement;
