package org.datatrail.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The schema's text limits and character rules let every shipped and test facts file through. */
class FactSchemaLimitsTests {

    @Test
    void everyFactsFileOfTheProjectPassesTheSchema() throws IOException {
        FactSchema schema = new FactSchema();
        SeedLoader loader = new SeedLoader(null);
        List<Path> files;
        try (Stream<Path> paths = Stream.concat(Files.list(Path.of("seed")), Files.walk(Path.of("src/test/resources/facts")))) {
            files = paths.filter(p -> p.toString().endsWith(".json") && !p.toString().contains("refused-text")).toList();
        }
        assertThat(files).hasSizeGreaterThan(8);
        for (Path p : files) {
            assertThat(schema.check(loader.parse(p.toString(), Files.readString(p)))).as(p.toString()).isEmpty();
        }
    }
}
