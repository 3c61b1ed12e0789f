package org.datatrail.ingest;

import tools.jackson.databind.JsonNode;

/**
 * One document of facts in the seed format ({@code seed/schema/datatrail-facts.schema.json}): a seed file,
 * an import batch or a GraphQL mutation's input.
 *
 * @param name where it came from, as errors should name it (a path, or e.g. "mutation recordTransfer")
 * @param content the parsed JSON, or {@code null} when it could not be parsed
 * @param parseError why it could not be parsed
 */
public record FactFile(String name, JsonNode content, String parseError) {

    public static FactFile of(String name, JsonNode content) {
        return new FactFile(name, content, null);
    }

    public static FactFile unreadable(String name, String parseError) {
        return new FactFile(name, null, parseError);
    }
}
