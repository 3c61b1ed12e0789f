package org.datatrail.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.execution.ExecutionStepInfo;
import graphql.execution.ResultPath;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.ClientException;

class GraphQlErrorsTests {

    @Test
    void aQueryTheDatabaseStoppedForTimeIsATimeoutWithAClearMessage() {
        var timedOut = new ClientException("Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
                "The transaction has been terminated. Retry your operation in a new transaction...");

        List<GraphQLError> errors = new GraphQlErrors().resolveException(timedOut, environment()).block();

        assertThat(errors).hasSize(1);
        assertThat(errors.getFirst().getErrorType().toString()).isEqualTo("TIMEOUT");
        assertThat(errors.getFirst().getMessage()).startsWith("The database stopped this query because it ran too long");
    }

    @Test
    void anUnexpectedFailureIsLeftToTheGenericInternalError() {
        assertThat(new GraphQlErrors().resolveException(new IllegalStateException("boom"), environment()).block()).isNull();
    }

    private static DataFetchingEnvironment environment() {
        return DataFetchingEnvironmentImpl.newDataFetchingEnvironment()
            .executionStepInfo(ExecutionStepInfo.newExecutionStepInfo()
                .type(graphql.Scalars.GraphQLString)
                .path(ResultPath.rootPath().segment("traceFlows"))
                .build())
            .mergedField(graphql.execution.MergedField.newMergedField(new graphql.language.Field("traceFlows")).build())
            .graphQLContext(graphql.GraphQLContext.newContext().build())
            .build();
    }
}
