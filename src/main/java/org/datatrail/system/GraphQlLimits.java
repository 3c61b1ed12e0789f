package org.datatrail.system;

import java.time.Duration;
import java.util.Map;

import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.parser.ParserOptions;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.TimeoutWebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * Limits that keep one request from taking the service down, each refused before any data is fetched:
 * the size of the document (characters and tokens, checked while parsing), the depth of the query, and
 * its estimated cost ({@link QueryCost}: every field, aliases included, costs one and a list multiplies what is under
 * it by its {@code first}, or by what such a list typically holds). The character limit counts the variables too
 * ({@link VariableSize}), so a payload cannot slip past it in a variable. Page sizes and hop counts are
 * bounded where they are read ({@link Pages}, the trace controller).
 */
@Configuration(proxyBeanMethods = false)
class GraphQlLimits {

    /** How much longer than the request timeout Tomcat lets an asynchronous request run. */
    static final Duration ASYNC_GRACE = Duration.ofSeconds(5);

    /**
     * The depth limit, for every operation but pure introspection: the standard introspection query is 13
     * levels deep, and graphql-java bounds introspection itself (its "good faith" introspection checks).
     */
    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(GraphQlLimitsProperties limits) {
        return new MaxQueryDepthInstrumentation(limits.maxDepth()) {
            @Override
            public graphql.execution.instrumentation.InstrumentationContext<graphql.ExecutionResult> beginExecuteOperation(
                    graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters parameters,
                    graphql.execution.instrumentation.InstrumentationState state) {
                var selections = parameters.getExecutionContext().getOperationDefinition().getSelectionSet().getSelections();
                boolean introspectionOnly = selections.stream()
                    .allMatch(s -> s instanceof graphql.language.Field f && f.getName().startsWith("__"));
                return introspectionOnly ? graphql.execution.instrumentation.SimpleInstrumentationContext.noOp()
                        : super.beginExecuteOperation(parameters, state);
            }
        };
    }

    /** The cost limit: each field costs 1, and a list multiplies what is under it by its estimated size ({@link QueryCost}). */
    @Bean
    QueryCost maxQueryCost(GraphQlLimitsProperties limits) {
        return new QueryCost(limits.maxComplexity(), limits.typicalListSizes());
    }

    /**
     * A request that has not answered in time gets 503 with a GraphQL error. Data fetchers run on virtual
     * threads ({@code spring.threads.virtual.enabled}), so the request thread is free to give up; the query
     * itself is then stopped by Neo4j at {@code datatrail.api.query-timeout}.
     */
    @Bean
    TimeoutWebGraphQlInterceptor requestTimeout(GraphQlLimitsProperties limits) {
        return new TimeoutWebGraphQlInterceptor(limits.requestTimeout(), org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE);
    }

    /**
     * Tomcat ends an asynchronous request (every GraphQL request is one) at its connector's {@code asyncTimeout}, 30 s
     * unless set, whatever Spring MVC's own async timeout says: that cut a request with an empty error before the 45 s
     * {@link #requestTimeout} could answer it with its 503 and message. The connector now waits the request timeout and
     * {@link #ASYNC_GRACE} more, so the app's own answer always comes first.
     */
    @Bean
    TomcatConnectorCustomizer asyncTimeoutAfterRequestTimeout(GraphQlLimitsProperties limits) {
        long millis = limits.requestTimeout().plus(ASYNC_GRACE).toMillis();
        return connector -> connector.setAsyncTimeout(millis);
    }

    /** The parser's limits, per request (graphql-java reads them from the request's context). */
    @Bean
    WebGraphQlInterceptor parserLimits(GraphQlLimitsProperties limits) {
        int maxCharacters = limits.maxCharacters();
        int maxTokens = limits.maxTokens();
        ParserOptions options = ParserOptions.getDefaultOperationParserOptions()
            .transform(b -> b.maxCharacters(maxCharacters).maxTokens(maxTokens).maxWhitespaceTokens(maxTokens * 10));
        return (request, chain) -> {
            long characters = request.getDocument().length() + VariableSize.of(request.getVariables());
            if (characters > maxCharacters) {
                return reactor.core.publisher.Mono.just(refuse(request, "The request's query and variables are " + characters
                        + " characters together; at most " + maxCharacters + " are accepted (datatrail.graphql.max-characters)"));
            }
            request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(ParserOptions.class, options)).build());
            return chain.next(request);
        };
    }

    private static org.springframework.graphql.server.WebGraphQlResponse refuse(org.springframework.graphql.server.WebGraphQlRequest request,
            String message) {
        graphql.GraphQLError error = graphql.GraphqlErrorBuilder.newError()
            .errorType(org.springframework.graphql.execution.ErrorType.BAD_REQUEST).message(message).build();
        graphql.ExecutionResult result = graphql.ExecutionResult.newExecutionResult().addError(error).build();
        return new org.springframework.graphql.server.WebGraphQlResponse(
                new org.springframework.graphql.support.DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }
}
