package org.datatrail.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code datatrail.security.*}.
 *
 * @param tokens {@code ROLE:sha256hex} or {@code ROLE:label:sha256hex} entries, comma-separated (environment
 *        variable {@code DATATRAIL_SECURITY_TOKENS}); the hex is the SHA-256 of the bearer token
 * @param anonymous whether a request without a token is served as a JOURNALIST (otherwise it gets 401)
 */
@ConfigurationProperties("datatrail.security")
public record SecurityProperties(@DefaultValue List<String> tokens, @DefaultValue("true") boolean anonymous) {
}
