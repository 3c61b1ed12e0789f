/** DataTrail: where did people's personal data go? The application's entry point and commands. */
package org.datatrail;
