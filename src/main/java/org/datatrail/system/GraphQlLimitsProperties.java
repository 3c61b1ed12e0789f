package org.datatrail.system;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code datatrail.graphql.*}: the limits {@link GraphQlLimits} sets on each request, and the document cache.
 *
 * @param maxDepth deepest query accepted (pure introspection aside)
 * @param maxComplexity highest estimated cost accepted ({@link QueryCost}): each field costs 1, and a list multiplies
 *        what is under it by its estimated size
 * @param maxCharacters longest document accepted, its variables counted as JSON
 * @param maxTokens most parser tokens a document may have
 * @param requestTimeout longest a request may take before it gets 503 (the query itself is stopped at
 *        {@code datatrail.api.query-timeout})
 * @param documentCacheSize how many parsed, validated documents are kept (the least recently used go first)
 * @param typicalListSizes what a nested list without {@code first} is estimated to hold, by field name
 *        ({@code evidence}) or {@code Type.field} ({@code Query.sources}), over the sizes read off the shipped case
 *        ({@link QueryCost#TYPICAL}): for an installation whose cases are larger or smaller than the seed's
 */
@ConfigurationProperties("datatrail.graphql")
public record GraphQlLimitsProperties(@DefaultValue("12") int maxDepth, @DefaultValue("50000") long maxComplexity,
        @DefaultValue("50000") int maxCharacters, @DefaultValue("5000") int maxTokens, @DefaultValue("45s") Duration requestTimeout,
        @DefaultValue("1000") long documentCacheSize, Map<String, Integer> typicalListSizes) {

    public GraphQlLimitsProperties {
        typicalListSizes = typicalListSizes == null ? Map.of() : Map.copyOf(typicalListSizes);
    }
}
