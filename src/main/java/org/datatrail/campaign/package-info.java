/** Campaigns that used datasets. */
package org.datatrail.campaign;
