package org.datatrail.ingest;

import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * A refused write ({@link FactValidationException}) as a GraphQL error: BAD_REQUEST, "Refused, nothing was written",
 * and each problem under {@code problems} with the mutation's input field it concerns. Before the system's resolver,
 * which takes what no feature resolves.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FactRefusalErrors extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (!(ex instanceof FactValidationException refused)) {
            return null;
        }
        List<Map<String, String>> problems = refused.problems().stream()
            .map(p -> Map.of("field", inputField(p.location()), "message", p.message()))
            .toList();
        String summary = problems.stream().map(p -> p.get("field") + ": " + p.get("message")).reduce((a, b) -> a + "; " + b).orElse("");
        return GraphqlErrorBuilder.newError(env).errorType(ErrorType.BAD_REQUEST)
            .message("Refused, nothing was written: " + summary)
            .extensions(Map.of("problems", problems))
            .build();
    }

    /** {@code transfers[0].evidence[1].source} (a facts-file location) as the mutation's {@code input.evidence[1].source}. */
    static String inputField(String location) {
        int dot = location.indexOf("].");
        return dot < 0 ? "input" : "input." + location.substring(dot + 2);
    }
}
