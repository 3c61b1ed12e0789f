package org.datatrail.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a named Cypher query shipped as a {@code .cypher} file on the classpath. */
public final class CypherResource {

    private CypherResource() {
    }

    /**
     * Reads a file of several named queries, each introduced by a line {@code // query: <name>}.
     *
     * @return the queries by name, in file order
     */
    public static Map<String, String> named(Class<?> anchor, String fileName) {
        Map<String, String> queries = new LinkedHashMap<>();
        String name = null;
        StringBuilder text = new StringBuilder();
        for (String line : load(anchor, fileName).split("\n")) {
            if (line.startsWith("// query: ")) {
                if (name != null) {
                    queries.put(name, text.toString().strip());
                }
                name = line.substring("// query: ".length()).strip();
                text.setLength(0);
            }
            else if (name != null) {
                text.append(line).append('\n');
            }
        }
        if (name != null) {
            queries.put(name, text.toString().strip());
        }
        return queries;
    }

    /** One query of a {@link #named} file; fails fast at start-up when the name is missing. */
    public static String named(Class<?> anchor, String fileName, String queryName) {
        String query = named(anchor, fileName).get(queryName);
        if (query == null) {
            throw new IllegalStateException("No query '" + queryName + "' in " + fileName + " beside " + anchor.getName());
        }
        return query;
    }

    /**
     * @param anchor a class whose package holds the file
     * @param fileName e.g. {@code write-organisations.cypher}
     * @return the file's text
     */
    public static String load(Class<?> anchor, String fileName) {
        try (InputStream in = anchor.getResourceAsStream(fileName)) {
            if (in == null) {
                throw new IllegalStateException("Cypher file " + fileName + " is missing beside " + anchor.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read Cypher file " + fileName, e);
        }
    }
}
