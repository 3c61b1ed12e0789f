package org.datatrail.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a folder of facts files (every {@code *.json} directly in it, in name order) through {@link FactIngest}:
 * all or nothing, idempotent.
 */
@Service
public final class SeedLoader {

    private final FactIngest ingest;
    private final JsonMapper mapper = JsonMapper.builder().build();

    public SeedLoader(FactIngest ingest) {
        this.ingest = ingest;
    }

    /**
     * @param location a folder on disk, or {@code classpath:seed/} for the seed shipped in the application
     */
    public FactWriter.Changes load(String location) {
        return ingest.ingest(read(location), org.datatrail.security.Caller.system("seed " + location));
    }

    List<FactFile> read(String location) {
        if (location.startsWith("classpath:")) {
            return readClasspath(location.substring("classpath:".length()));
        }
        Path dir = Path.of(location);
        if (!Files.isDirectory(dir)) {
            throw new FactValidationException(List.of(new Problem(location, "", null,
                    "is not a folder; expected a folder of *.json facts files such as the project's seed/")));
        }
        try (Stream<Path> paths = Files.list(dir)) {
            List<Path> jsonFiles = paths.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
                .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                .toList();
            if (jsonFiles.isEmpty()) {
                throw new FactValidationException(List.of(new Problem(location, "", null, "holds no *.json facts files")));
            }
            List<FactFile> files = new ArrayList<>();
            for (Path p : jsonFiles) {
                files.add(parse(p.toString(), Files.readString(p)));
            }
            return files;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the seed folder " + location, e);
        }
    }

    private List<FactFile> readClasspath(String folder) {
        String base = folder.endsWith("/") ? folder : folder + "/";
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:" + base + "*.json");
            List<FactFile> files = new ArrayList<>();
            for (Resource r : Stream.of(resources).sorted(Comparator.comparing(Resource::getFilename)).toList()) {
                files.add(parse(base + r.getFilename(), r.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)));
            }
            if (files.isEmpty()) {
                throw new IllegalStateException("No seed files at classpath:" + base);
            }
            return files;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the seed at classpath:" + base, e);
        }
    }

    FactFile parse(String name, String text) {
        try {
            return FactFile.of(name, mapper.readTree(text));
        }
        catch (JacksonException e) {
            return FactFile.unreadable(name, e.getOriginalMessage() + locationOf(e));
        }
    }

    private static String locationOf(JacksonException e) {
        var loc = e.getLocation();
        return loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }
}
