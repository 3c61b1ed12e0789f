package org.datatrail.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.datatrail.security.Caller;
import org.springframework.stereotype.Service;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads a folder of JSON-lines facts files ({@code <section>.jsonl}, one record per line, exactly as the record
 * would appear in that section of a seed file) through {@link FactIngest}, the one write path, in batches.
 * <p>
 * The rule: files are read in the order of the facts schema's sections, so a record's references are loaded
 * before it; each batch of lines is validated and written in one transaction, all or nothing; the first batch
 * refused stops the import, with every problem of that batch named by file, line and field, and the batches
 * before it stay loaded. Writes are idempotent (MERGE by id), so after fixing the file the same import is
 * simply run again: the loaded batches are rewritten unchanged and the import carries on from the fix.
 */
@Service
public final class BulkImport {

    /** Relationships and nodes written, and how long it took. */
    public record Result(long records, long nodesCreated, long relationshipsCreated, long millis) {

        public double relationshipsPerSecond() {
            return millis == 0 ? 0 : relationshipsCreated * 1000.0 / millis;
        }
    }

    /** Records per transaction unless told otherwise: large enough to amortise a commit, small enough for the tx memory limit. */
    public static final int DEFAULT_BATCH = 10_000;

    private static final Pattern RECORD = Pattern.compile("^[a-zA-Z]+\\[(\\d+)\\]\\.?");

    private final FactIngest ingest;
    private final JsonMapper json = JsonMapper.builder().build();

    public BulkImport(FactIngest ingest) {
        this.ingest = ingest;
    }

    /**
     * @param batchSize records per transaction
     * @param progress where progress lines go (a terminal), or {@code null}
     * @throws FactValidationException for the first refused batch; its problems name file, line and field
     */
    public Result load(Path dir, int batchSize, PrintStream progress) {
        if (!Files.isDirectory(dir)) {
            throw new FactValidationException(List.of(new Problem(dir.toString(), "", null,
                    "is not a folder; expected a folder of <section>.jsonl files (see docs/import.md)")));
        }
        List<String> known = java.util.Arrays.stream(Section.values()).map(section -> section.jsonName + ".jsonl").toList();
        try (var listing = Files.list(dir)) {
            List<Problem> strangers = listing.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".jsonl") && !known.contains(f))
                .sorted().map(f -> new Problem(f, "", null, "is not a section of the facts schema; expected one of " + String.join(", ", known)))
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
        long started = System.nanoTime();
        long records = 0;
        long nodes = 0;
        long relationships = 0;
        Caller caller = Caller.system("import " + dir);
        for (Path file : files) {
            String section = file.getFileName().toString().replace(".jsonl", "");
            long total = lines(file);
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                int lineNo = 0;
                int firstLine = 1;
                List<Integer> lineNumbers = new ArrayList<>();
                ArrayNode batch = json.createArrayNode();
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
                            batch.add(json.readTree(line));
                            lineNumbers.add(lineNo);
                        }
                        catch (JacksonException e) {
                            unreadable.add(new Problem(file.getFileName() + ":" + lineNo, "", null, "not valid JSON: " + e.getOriginalMessage()));
                        }
                    }
                    if (batch.size() + unreadable.size() >= batchSize || (line == null && (batch.size() + unreadable.size()) > 0)) {
                        if (!unreadable.isEmpty()) {
                            throw new FactValidationException(unreadable);
                        }
                        ObjectNode document = json.createObjectNode();
                        document.set(section, batch);
                        try {
                            FactWriter.Changes changes = ingest.ingest(List.of(FactFile.of(file.getFileName().toString(), document)), caller);
                            nodes += changes.nodesCreated();
                            relationships += changes.relationshipsCreated();
                        }
                        catch (FactValidationException e) {
                            List<Integer> numbers = lineNumbers;
                            throw new FactValidationException(e.problems().stream().map(p -> atLine(p, numbers)).toList());
                        }
                        records += batch.size();
                        if (progress != null) {
                            double seconds = (System.nanoTime() - started) / 1e9;
                            progress.printf("import: %s lines %,d-%,d of %,d loaded; %,d relationships in %.1f s (%,.0f/s)%n",
                                    file.getFileName(), firstLine, lineNo, total, relationships, seconds, relationships / Math.max(seconds, 1e-9));
                        }
                        firstLine = lineNo + 1;
                        batch = json.createArrayNode();
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
        return new Result(records, nodes, relationships, (System.nanoTime() - started) / 1_000_000);
    }

    /** {@code transfers[3].from} in batch terms becomes {@code transfers.jsonl:1204: from}. */
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
