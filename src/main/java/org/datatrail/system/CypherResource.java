package org.datatrail.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads a named Cypher query shipped as a {@code .cypher} file on the classpath. */
public final class CypherResource {

    private CypherResource() {
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
