package org.datatrail.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

class DocumentCacheTests {

    private final AtomicInteger parses = new AtomicInteger();

    private final Function<ExecutionInput, PreparsedDocumentEntry> parse = input -> {
        parses.incrementAndGet();
        return input.getQuery().contains("broken")
                ? new PreparsedDocumentEntry(GraphqlErrorBuilder.newError().message("broken").build())
                : new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
    };

    @Test
    void aRepeatedDocumentIsParsedOnceWhateverItsVariables() throws Exception {
        DocumentCache cache = new DocumentCache(10);
        var first = cache.getDocumentAsync(input("query($id: ID!) { organisation(id: $id) { id } }", "a"), parse).get();
        var second = cache.getDocumentAsync(input("query($id: ID!) { organisation(id: $id) { id } }", "b"), parse).get();

        assertThat(parses).hasValue(1);
        assertThat(second.getDocument()).isSameAs(first.getDocument());
    }

    @Test
    void aDocumentWithErrorsIsNotKept() throws Exception {
        DocumentCache cache = new DocumentCache(10);
        cache.getDocumentAsync(input("broken {", "a"), parse).get();
        var again = cache.getDocumentAsync(input("broken {", "a"), parse).get();

        assertThat(parses).hasValue(2);
        assertThat(again.hasErrors()).isTrue();
        assertThat(cache.size()).isZero();
    }

    @Test
    void theCacheIsBounded() throws Exception {
        DocumentCache cache = new DocumentCache(3);
        for (int i = 0; i < 50; i++) {
            cache.getDocumentAsync(input("{ a" + i + ": __typename }", "x"), parse).get();
        }
        assertThat(cache.size()).isLessThanOrEqualTo(3);
    }

    private static ExecutionInput input(String query, String id) {
        return ExecutionInput.newExecutionInput(query).variables(java.util.Map.of("id", id)).locale(Locale.ENGLISH).build();
    }
}
