package org.datatrail.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The published JSON Schema of facts files ({@code seed/schema/datatrail-facts.schema.json}), applied per file. */
final class FactSchema {

    static final String RESOURCE = "/seed/schema/datatrail-facts.schema.json";

    private final JsonNode root;
    private final Schema schema;

    FactSchema() {
        try (InputStream in = FactSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The facts schema " + RESOURCE + " is not on the classpath");
            }
            this.root = JsonMapper.builder().build().readTree(in);
            this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(root);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Problem> check(FactFile file) {
        List<Error> errors = schema.validate(file.content());
        return errors.stream().map(e -> toProblem(file, e)).toList();
    }

    /**
     * The fields a hedge may name on a record of {@code section}: every property the schema allows for that kind of
     * record, except {@code id}, {@code evidence} and {@code hedges} themselves. Read from the schema, so a field added
     * there can be hedged without a second list to keep in step.
     */
    Set<String> hedgeableFields(Section section) {
        return hedgeable(root.path("properties").path(section.jsonName).path("items"));
    }

    /** As {@link #hedgeableFields}, for a dataset's derivation ({@code derivedFrom[i]}). */
    Set<String> hedgeableDerivationFields() {
        return hedgeable(definition(root.path("properties").path(Section.DATASETS.jsonName).path("items")).path("properties")
            .path("derivedFrom")
            .path("items"));
    }

    private Set<String> hedgeable(JsonNode reference) {
        Set<String> fields = new TreeSet<>(definition(reference).path("properties").propertyNames());
        fields.removeAll(List.of("id", "evidence", "hedges"));
        return fields;
    }

    /** The definition a {@code {"$ref": "#/$defs/x"}} node points to. */
    private JsonNode definition(JsonNode reference) {
        String ref = reference.path("$ref").asString("");
        return root.path("$defs").path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private Problem toProblem(FactFile file, Error error) {
        String pointer = error.getInstanceLocation().toString();
        String location = fromPointer(pointer);
        String message = switch (error.getKeyword()) {
            case "not" -> forbiddenCharacter(error);
            case "maxLength" -> error.getInstanceNode().isString()
                    ? "is " + error.getInstanceNode().asString().length() + " characters long; at most " + error.getArguments()[0] + " are allowed"
                    : error.getMessage();
            case "maxItems" -> "has " + error.getInstanceNode().size() + " items; at most " + error.getArguments()[0] + " are allowed";
            default -> error.getMessage();
        };
        // the library prefixes its message with the location; we print the location once, our way
        if (message.startsWith(pointer + ": ")) {
            message = message.substring(pointer.length() + 2);
        }
        message = message.replace("does not match the regex pattern \\S", "must not be blank")
            .replace("does not match the regex pattern ^[a-z0-9][a-z0-9_-]{0,99}$",
                    "is not an id: expected a lower-case slug of letters, digits, '-' and '_'")
            .replace("does not match the regex pattern ^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "is not a date: expected YYYY-MM-DD")
            // the library prints an enumeration's null as nothing: ["A", "B", ]
            .replace(", ]", "] or null");
        return new Problem(file.name(), location, recordId(file, location), message);
    }

    /**
     * Why text was refused by one of the schema's character rules ({@code not} a {@code $defs} pattern), naming the first
     * such character, where it is, and what the field allows.
     */
    private String forbiddenCharacter(Error error) {
        JsonNode not = error.getSchemaNode().has("not") ? error.getSchemaNode().path("not") : error.getSchemaNode();
        String rule = not.path("$ref").asString("");
        String text = error.getInstanceNode().asString("");
        String pattern = definition(not).path("pattern").asString("");
        if (pattern.isEmpty() || !error.getInstanceNode().isString()) {
            return error.getMessage();
        }
        java.util.regex.Matcher found = java.util.regex.Pattern.compile(pattern).matcher(text);
        if (!found.find()) {
            return error.getMessage();
        }
        int c = text.codePointAt(found.start());
        String character = String.format("U+%04X", c) + (Character.getName(c) == null ? "" : " " + Character.getName(c));
        String at = "contains " + character + " at character " + (found.start() + 1) + "; ";
        return at + switch (rule.substring(rule.lastIndexOf('/') + 1)) {
            case "invisibleCharacter" -> "names and ids may not contain control characters (tabs and line breaks included), "
                    + "bidirectional overrides or isolates (U+202A to U+202E, U+2066 to U+2069) or zero-width characters "
                    + "(U+200B to U+200D, U+2060, U+FEFF)";
            case "controlCharacter" -> "text may not contain control characters other than tab, line feed and carriage return";
            case "nulCharacter" -> "a quote may not contain a NUL character";
            default -> error.getMessage();
        };
    }

    /** {@code /transfers/0/from} becomes {@code transfers[0].from}. */
    static String fromPointer(String pointer) {
        StringBuilder s = new StringBuilder();
        for (String segment : pointer.split("/")) {
            if (segment.isEmpty() || segment.equals("$")) {
                continue;
            }
            if (segment.chars().allMatch(Character::isDigit)) {
                s.append('[').append(segment).append(']');
            }
            else {
                s.append(s.isEmpty() ? "" : ".").append(segment.replace("~1", "/").replace("~0", "~"));
            }
        }
        return s.toString();
    }

    /** The id of the record a location such as {@code transfers[2].from} is in, when it has one. */
    private static String recordId(FactFile file, String location) {
        int end = location.indexOf(']');
        if (end < 0) {
            return null;
        }
        try {
            String section = location.substring(0, location.indexOf('['));
            int index = Integer.parseInt(location.substring(location.indexOf('[') + 1, end));
            var id = file.content().path(section).path(index).path("id");
            return id.isString() ? id.asString() : null;
        }
        catch (RuntimeException notARecordLocation) {
            return null;
        }
    }
}
