package org.datatrail.security;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLObjectType;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * A field or mutation the caller may not use, as a FORBIDDEN GraphQL error naming the role it needs
 * ({@link AccessRefusal}). Before the system's resolver, which takes what no feature resolves.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessRefusalErrors extends DataFetcherExceptionResolverAdapter {

    /**
     * A data fetcher's failure may be resolved on whichever thread completes it (its virtual thread, after the
     * caller's security context was taken off it, or the request's thread): resolve it with the request's thread
     * locals restored, so that a refusal names the caller's role every time, not "unauthenticated" half the time.
     */
    AccessRefusalErrors() {
        setThreadLocalContextAware(true);
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (!(ex instanceof AccessDeniedException denied)) {
            return null;
        }
        boolean mutation = env.getParentType() instanceof GraphQLObjectType type && type.getName().equals("Mutation");
        String what = mutation ? "recording findings" : "the field '" + env.getField().getName() + "'";
        return GraphqlErrorBuilder.newError(env).errorType(ErrorType.FORBIDDEN).message(AccessRefusal.message(denied, what)).build();
    }
}
