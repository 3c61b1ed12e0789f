package org.datatrail.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.datatrail.generate.NetworkGenerator;
import org.datatrail.ingest.BulkImport;
import org.datatrail.ingest.FactIngest;
import org.datatrail.system.SchemaMigrations;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A generated network (size XS, seed 42) loaded through the write path into a {@link TestDatabase}, handed to any
 * {@code TestDatabase} parameter of a class that is {@code @ExtendWith(GeneratedNetwork.class)}. Generating and loading
 * it takes ~40 s on 2 cores, so it is done once per test run, for the first class that asks, and the classes share it:
 * they only read it. It is closed (and its folder deleted) when the run is over.
 */
public final class GeneratedNetwork implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GeneratedNetwork.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public TestDatabase resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        // the root context's store outlives every class, and closes what it holds when the run is over
        return extensionContext.getRoot().getStore(NAMESPACE).computeIfAbsent("XS-42", key -> load(), TestDatabase.class);
    }

    private static TestDatabase load() {
        TestDatabase db = TestDatabase.start();
        try {
            Path network = Files.createTempDirectory("datatrail-network-");
            try {
                SchemaMigrations.fromClasspath(db.driver()).migrate();
                NetworkGenerator.generate(NetworkGenerator.Size.XS, 42, network);
                new BulkImport(new FactIngest(db.driver())).load(network, 500, null);
                return db;
            }
            finally {
                Folders.delete(network);
            }
        }
        catch (IOException e) {
            db.close();
            throw new UncheckedIOException(e);
        }
        catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }
}
