/** Consents and privacy notices, and the vocabulary of purposes they permit. */
package org.datatrail.consent;
