/** Transfers: movements of datasets between organisations. */
package org.datatrail.transfer;
