package org.datatrail.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code datatrail.requests.*}: how much of the service one request, and one anonymous caller, may take.
 *
 * @param maxBodySize the largest request body accepted (every route but the document upload, which has
 *        {@code datatrail.documents.max-size}); a larger one is refused with 413 before it is read
 * @param anonymousConcurrency how many requests without a token one client address may have in progress at once
 *        ({@code 0}: no limit)
 * @param anonymousWait how long an anonymous request over that number waits for one to finish before it is refused
 *        with 429
 * @param statementsPerRequest how many database statements one request may have running at once (its aliased fields
 *        and batch loads queue for these), so that one request cannot take the whole connection pool
 */
@ConfigurationProperties("datatrail.requests")
public record RequestLimitsProperties(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("8") int anonymousConcurrency,
        @DefaultValue("1s") Duration anonymousWait, @DefaultValue("4") int statementsPerRequest) {

    public RequestLimitsProperties {
        if (maxBodySize.toBytes() < 1) {
            throw new IllegalArgumentException("datatrail.requests.max-body-size must be at least 1B, was " + maxBodySize);
        }
        if (anonymousConcurrency < 0) {
            throw new IllegalArgumentException("datatrail.requests.anonymous-concurrency must be 0 (no limit) or more, was " + anonymousConcurrency);
        }
        if (statementsPerRequest < 1) {
            throw new IllegalArgumentException("datatrail.requests.statements-per-request must be at least 1, was " + statementsPerRequest);
        }
    }
}
