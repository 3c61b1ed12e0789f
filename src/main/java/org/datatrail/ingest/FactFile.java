package org.datatrail.ingest;

import java.text.Normalizer;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One document of facts in the seed format ({@code seed/schema/datatrail-facts.schema.json}): a seed file,
 * an import batch or a GraphQL mutation's input.
 *
 * @param name where it came from, as errors should name it (a path, or e.g. "mutation recordTransfer")
 * @param content the parsed JSON, or {@code null} when it could not be parsed
 * @param parseError why it could not be parsed
 */
public record FactFile(String name, JsonNode content, String parseError) {

    /**
     * Fields whose text is a source's own words, kept exactly as given: a quote must be found in its source's document
     * as it is, and a hedge's wording in a quote.
     */
    private static final Set<String> VERBATIM = Set.of("quote", "wording");

    /**
     * The document, its text in Unicode normalisation form NFC (except {@link #VERBATIM} fields): a name typed with a
     * combining accent and one typed with the composed letter are the same name, stored and searched alike, and the
     * length limits count what a reader sees. Every way facts come in (seed, import, mutation) makes its documents here.
     */
    public static FactFile of(String name, JsonNode content) {
        return new FactFile(name, content == null ? null : nfc(content, false), null);
    }

    public static FactFile unreadable(String name, String parseError) {
        return new FactFile(name, null, parseError);
    }

    private static JsonNode nfc(JsonNode node, boolean verbatim) {
        if (node.isString() && !verbatim && !Normalizer.isNormalized(node.asString(), Normalizer.Form.NFC)) {
            return JsonNodeFactory.instance.stringNode(Normalizer.normalize(node.asString(), Normalizer.Form.NFC));
        }
        if (node instanceof ObjectNode object) {
            for (String field : Set.copyOf(object.propertyNames())) {
                JsonNode value = object.get(field);
                JsonNode normalised = nfc(value, VERBATIM.contains(field));
                if (normalised != value) {
                    object.set(field, normalised);
                }
            }
        }
        else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode normalised = nfc(array.get(i), verbatim);
                if (normalised != array.get(i)) {
                    array.set(i, normalised);
                }
            }
        }
        return node;
    }
}
