package org.datatrail.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads an import folder ({@code <section>.jsonl} files, one record per line) in the order of the facts schema's
 * sections, so that whatever a record refers to comes before it, and hands it on in batches, each batch as one
 * {@link FactFile} in the seed format. Both import modes read their input through here, so they accept and refuse
 * exactly the same files.
 */
final class JsonlBatches {

    /** A batch of lines of one file: the document to validate, and where each of its records came from. */
    record Batch(Path file, Section section, FactFile document, List<Integer> lineNumbers, int firstLine, int lastLine, long linesInFile) {

        int size() {
            return lineNumbers.size();
        }

        /** Problems of the batch's document (located as {@code transfers[3].from}) located as {@code transfers.jsonl:1204: from}. */
        FactValidationException atLines(List<Problem> problems) {
            return new FactValidationException(problems.stream().map(p -> atLine(p, lineNumbers)).toList());
        }
    }

    interface BatchConsumer {
        void accept(Batch batch);
    }

    private static final Pattern RECORD = Pattern.compile("^[a-zA-Z]+\\[(\\d+)\\]\\.?");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonlBatches() {
    }

    /**
     * @throws FactValidationException when the folder is missing, holds a file that is not a section, or a line is not JSON
     */
    static void read(Path dir, int batchSize, BatchConsumer consumer) {
        for (Path file : files(dir)) {
            Section section = Arrays.stream(Section.values())
                .filter(s -> file.getFileName().toString().equals(s.jsonName + ".jsonl"))
                .findFirst()
                .orElseThrow();
            long total = lines(file);
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                int lineNo = 0;
                int firstLine = 1;
                List<Integer> lineNumbers = new ArrayList<>();
                ArrayNode records = JSON.createArrayNode();
                List<Problem> unreadable = new ArrayList<>();
                String line;
                while (true) {
                    line = reader.readLine();
                    if (line != null) {
                        lineNo++;
                        if (line.isBlank()) {
                            continue;
                        }
                        try {
                            records.add(JSON.readTree(line));
                            lineNumbers.add(lineNo);
                        }
                        catch (JacksonException e) {
                            unreadable.add(new Problem(file.getFileName() + ":" + lineNo, "", null, "not valid JSON: " + e.getOriginalMessage()));
                        }
                    }
                    int pending = records.size() + unreadable.size();
                    if (pending >= batchSize || (line == null && pending > 0)) {
                        if (!unreadable.isEmpty()) {
                            throw new FactValidationException(unreadable);
                        }
                        ObjectNode document = JSON.createObjectNode();
                        document.set(section.jsonName, records);
                        consumer.accept(new Batch(file, section, FactFile.of(file.getFileName().toString(), document), lineNumbers,
                                firstLine, lineNo, total));
                        firstLine = lineNo + 1;
                        records = JSON.createArrayNode();
                        lineNumbers = new ArrayList<>();
                    }
                    if (line == null) {
                        break;
                    }
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
    }

    /** The folder's section files, in the order they must be loaded. */
    static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new FactValidationException(List.of(new Problem(dir.toString(), "", null,
                    "is not a folder; expected a folder of <section>.jsonl files (see docs/import.md)")));
        }
        List<String> known = Arrays.stream(Section.values()).map(section -> section.jsonName + ".jsonl").toList();
        try (var listing = Files.list(dir)) {
            List<Problem> strangers = listing.map(f -> f.getFileName().toString())
                .filter(f -> f.endsWith(".jsonl") && !known.contains(f))
                .sorted()
                .map(f -> new Problem(f, "", null, "is not a section of the facts schema; expected one of " + String.join(", ", known)))
                .toList();
            if (!strangers.isEmpty()) {
                throw new FactValidationException(strangers);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
        List<Path> files = new ArrayList<>();
        for (Section section : Section.values()) {
            Path file = dir.resolve(section.jsonName + ".jsonl");
            if (Files.isRegularFile(file)) {
                files.add(file);
            }
        }
        if (files.isEmpty()) {
            throw new FactValidationException(List.of(new Problem(dir.toString(), "", null,
                    "holds no <section>.jsonl files; expected e.g. organisations.jsonl, transfers.jsonl (see docs/import.md)")));
        }
        return files;
    }

    private static Problem atLine(Problem p, List<Integer> lineNumbers) {
        Matcher m = RECORD.matcher(p.location());
        if (!m.find()) {
            return p;
        }
        int index = Integer.parseInt(m.group(1));
        String field = p.location().substring(m.end());
        String where = index < lineNumbers.size() ? p.file() + ":" + lineNumbers.get(index) : p.file();
        return new Problem(where, field, p.recordId(), p.message());
    }

    private static long lines(Path file) {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.count();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
