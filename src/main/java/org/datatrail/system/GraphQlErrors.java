package org.datatrail.system;

import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Turns failures into GraphQL errors with a clear message and a classification, never a stack trace:
 * bad arguments are BAD_REQUEST (naming the argument), unknown ids NOT_FOUND, a query the database stopped for
 * running too long TIMEOUT, anything else INTERNAL_ERROR (logged). Features resolve their own failures first (a
 * refused write in ingest, a refused field in security); this resolver comes last and takes the rest.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

    /** Classification of a query the database stopped for running too long. */
    enum DataTrailErrorType implements graphql.ErrorClassification {
        TIMEOUT
    }

    /**
     * A data fetcher's failure may be resolved on whichever thread completes it (its virtual thread, after the
     * caller's security context was taken off it, or the request's thread): resolve it with the request's thread
     * locals restored, so that a refusal names the caller's role every time, not "unauthenticated" half the time.
     */
    GraphQlErrors() {
        setThreadLocalContextAware(true);
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        GraphqlErrorBuilder<?> error = GraphqlErrorBuilder.newError(env);
        if (ex instanceof BadArgumentException bad) {
            return error.errorType(ErrorType.BAD_REQUEST).message(bad.getMessage()).extensions(Map.of("argument", bad.argument())).build();
        }
        if (ex instanceof NotFoundException notFound) {
            return error.errorType(ErrorType.NOT_FOUND).message(notFound.getMessage()).build();
        }
        if (ex instanceof Neo4jException db && isTimeout(db)) {
            return error.errorType(DataTrailErrorType.TIMEOUT)
                .message("The database stopped this query because it ran too long; narrow it (fewer hops, a date range, a 'to' or 'toType')")
                .build();
        }
        log.error("Unexpected failure in {}", env.getExecutionStepInfo().getPath(), ex);
        return null; // Spring for GraphQL answers INTERNAL_ERROR with a generic message
    }


    private static boolean isTimeout(Neo4jException e) {
        String code = String.valueOf(e.code());
        return code.contains("TransactionTimedOut") || code.contains("Terminated") || code.contains("TransactionTimedOutClientConfiguration");
    }
}
