/** Who is asking: bearer tokens (kept only as SHA-256 hashes), roles, and what each role may do. */
package org.datatrail.security;
