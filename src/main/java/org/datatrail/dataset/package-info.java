/** Datasets and the categories of personal data they hold; subjects are groups, never individuals. */
package org.datatrail.dataset;
