package org.datatrail.system;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Keeps parsed and validated GraphQL documents, so that a client sending the same document with new variables
 * (every explorer, every script, the benchmark) skips parsing and validation. Only documents that passed both
 * are kept; a document with errors is parsed again each time, so its errors always come from the parser.
 * Depth, cost and timeout are checked at execution, so they hold for a cached document too. The cache is
 * bounded (least recently used go first), so a flood of distinct documents cannot grow it.
 */
final class DocumentCache implements PreparsedDocumentProvider {

    /** What a validation depends on: the text, the operation chosen and the language of the messages. */
    private record Key(String query, String operationName, Locale locale) {
    }

    private final Cache<Key, PreparsedDocumentEntry> documents;

    DocumentCache(long maximumSize) {
        this.documents = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        Key key = new Key(input.getQuery(), input.getOperationName(), input.getLocale());
        PreparsedDocumentEntry cached = documents.getIfPresent(key);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        PreparsedDocumentEntry entry = parseAndValidate.apply(input);
        if (!entry.hasErrors()) {
            documents.put(key, entry);
        }
        return CompletableFuture.completedFuture(entry);
    }

    long size() {
        documents.cleanUp();
        return documents.estimatedSize();
    }
}
