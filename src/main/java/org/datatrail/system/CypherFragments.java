package org.datatrail.system;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Pieces of Cypher that statements are assembled from (the traces, and the facts the consent rule reads): the named
 * queries of a {@code .cypher} file without their comment lines, with placeholders {@code /*name*}{@code /} that the
 * application fills with variable names or expressions it writes itself, never with user text (which is always a
 * parameter).
 */
public final class CypherFragments {

    private CypherFragments() {
    }

    /** A file's named fragments, without their comment lines (a placeholder in a comment would be filled too). */
    public static Map<String, String> load(Class<?> anchor, String file) {
        Map<String, String> fragments = new LinkedHashMap<>();
        CypherResource.named(anchor, file).forEach((name, text) -> fragments.put(name, withoutComments(text)));
        return fragments;
    }

    /** A text without its whole-line {@code //} comments. */
    public static String withoutComments(String text) {
        return text.lines().filter(line -> !line.strip().startsWith("//")).collect(Collectors.joining("\n"));
    }

    /**
     * Fills placeholders; each one named must be there.
     *
     * @param pairs name, value, name, value...
     */
    public static String fill(String template, String... pairs) {
        String text = template;
        for (int i = 0; i < pairs.length; i += 2) {
            String placeholder = "/*" + pairs[i] + "*/";
            if (!text.contains(placeholder)) {
                throw new IllegalStateException("No placeholder " + placeholder + " in a Cypher fragment");
            }
            text = text.replace(placeholder, pairs[i + 1]);
        }
        return text;
    }

    /** A whole statement: every placeholder must have been filled. */
    public static String complete(String statement) {
        int at = statement.indexOf("/*");
        if (at >= 0) {
            throw new IllegalStateException("A statement has an unfilled placeholder: " + statement.substring(at, Math.min(statement.length(), at + 40)));
        }
        return statement;
    }
}
