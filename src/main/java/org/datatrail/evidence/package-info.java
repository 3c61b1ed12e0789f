/** Sources, verbatim evidence, and disputes where sources disagree. */
package org.datatrail.evidence;
