package org.datatrail.system;

import java.util.Map;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * Limits that keep one request from taking the service down, each refused before any data is fetched:
 * the size of the document (characters and tokens, checked while parsing), the depth of the query, and
 * its cost, where every field (aliases included) costs one and a list multiplies what is under it by its
 * {@code first} (or by {@value #UNBOUNDED_LIST} for a list without one). Page sizes and hop counts are
 * bounded where they are read ({@link Pages}, the trace controller).
 */
@Configuration(proxyBeanMethods = false)
class GraphQlLimits {

    /** What a list without a {@code first} argument is assumed to hold, for the cost. */
    static final int UNBOUNDED_LIST = 5;

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(@Value("${datatrail.graphql.max-depth:12}") int maxDepth) {
        return new MaxQueryDepthInstrumentation(maxDepth);
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity(@Value("${datatrail.graphql.max-complexity:50000}") int maxComplexity) {
        return new MaxQueryComplexityInstrumentation(maxComplexity, cost());
    }

    static FieldComplexityCalculator cost() {
        return (env, childComplexity) -> {
            if (!isList(env.getFieldDefinition().getType())) {
                return 1 + childComplexity;
            }
            Object first = env.getArguments().get("first");
            int size = first instanceof Integer n ? Math.max(n, 1) : UNBOUNDED_LIST;
            return 1 + size * childComplexity;
        };
    }

    private static boolean isList(GraphQLType type) {
        GraphQLType t = type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
        return t instanceof GraphQLList;
    }

    /** The parser's limits, per request (graphql-java reads them from the request's context). */
    @Bean
    WebGraphQlInterceptor parserLimits(@Value("${datatrail.graphql.max-characters:50000}") int maxCharacters,
            @Value("${datatrail.graphql.max-tokens:5000}") int maxTokens) {
        ParserOptions options = ParserOptions.getDefaultOperationParserOptions()
            .transform(b -> b.maxCharacters(maxCharacters).maxTokens(maxTokens).maxWhitespaceTokens(maxTokens * 10));
        return (request, chain) -> {
            request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(ParserOptions.class, options)).build());
            return chain.next(request);
        };
    }
}
