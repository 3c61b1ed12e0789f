package org.datatrail.system;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Keeps library internals out of GraphQL error messages: graphql-java's validation messages print a literal as its
 * Java object ({@code 'IntValue{value=2147483648}'}), and the Date scalar appends java.time's parser message
 * ({@code because of : 'Text 'x' could not be parsed at index 0'}). The rest of each message (which argument, which
 * type was expected) stays; a date gets the format it must have.
 */
@Component
class SafeErrorMessages implements WebGraphQlInterceptor {

    /**
     * {@code with value 'IntValue{value=1}'}, {@code with value 'ObjectValue{objectFields=[...]}'}: the literal as graphql-java
     * prints it, before "is not a valid", "must not be null" or "contains a field not in".
     */
    private static final Pattern LITERAL = Pattern.compile(" with value '[A-Z][A-Za-z]*Value\\{.*\\}'(?= )", Pattern.DOTALL);

    /** A Date variable given a number: graphql-java names the Java types it accepts. */
    private static final Pattern DATE_TYPE = Pattern.compile(
            "Expected a 'String' or 'java\\.time\\.temporal\\.TemporalAccessor' but was '(\\w+)'\\.?");

    /** The extended scalars' date message, with the java.time message after it. */
    private static final Pattern DATE = Pattern.compile("Invalid RFC3339 full date value : '(.*?)'\\.?\\s*because of : .*", Pattern.DOTALL);

    /** Any other "because of : '<library message>'" tail. */
    private static final Pattern CAUSE = Pattern.compile("\\.?\\s*because of : .*", Pattern.DOTALL);

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            List<GraphQLError> errors = response.getExecutionResult().getErrors();
            if (errors.stream().noneMatch(e -> clean(e.getMessage()) != e.getMessage())) {
                return response;
            }
            List<GraphQLError> cleaned = errors.stream().map(SafeErrorMessages::cleaned).toList();
            return response.transform(builder -> builder.errors(cleaned));
        });
    }

    private static GraphQLError cleaned(GraphQLError error) {
        String message = clean(error.getMessage());
        if (message == error.getMessage()) {
            return error;
        }
        return GraphqlErrorBuilder.newError().message(message).locations(error.getLocations()).path(error.getPath())
            .errorType(error.getErrorType()).extensions(error.getExtensions()).build();
    }

    /** The message without library internals; the very same string when it has none. */
    static String clean(String message) {
        if (message == null) {
            return null;
        }
        String result = LITERAL.matcher(message).replaceFirst("");
        result = DATE_TYPE.matcher(result).replaceFirst("expected a date as a string, YYYY-MM-DD, not a $1");
        Matcher date = DATE.matcher(result);
        if (date.find()) {
            result = date.replaceFirst(Matcher.quoteReplacement("'" + date.group(1) + "' is not a date; expected YYYY-MM-DD"));
        }
        result = CAUSE.matcher(result).replaceFirst("");
        return result.equals(message) ? message : result;
    }
}
