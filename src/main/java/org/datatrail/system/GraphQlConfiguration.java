package org.datatrail.system;

import graphql.scalars.ExtendedScalars;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The contract's scalars: {@code Date} (ISO-8601 calendar date, read strictly: {@link CalendarDateScalar}), {@code DateTime} (ISO-8601 with offset) and {@code Long}
 * (64-bit integer); and the cache
 * of parsed, validated documents.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(CalendarDateScalar.DATE).scalar(ExtendedScalars.DateTime).scalar(ExtendedScalars.GraphQLLong);
    }

    @Bean
    DocumentCache documentCache(GraphQlLimitsProperties limits) {
        return new DocumentCache(limits.documentCacheSize());
    }

    @Bean
    GraphQlSourceBuilderCustomizer preparsedDocuments(DocumentCache documents) {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(documents));
    }
}
