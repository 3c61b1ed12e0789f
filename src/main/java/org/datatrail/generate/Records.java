package org.datatrail.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where the generated records go, and what every part of the generator shares: the one random source (so a seed
 * decides everything), the generated sources that evidence cites, the calendar, and the counts of what was written.
 * A section's lines are written in the order they are made, so a record only names records written before it
 * (a derivation's source dataset, the version a consent supersedes), as the import requires.
 */
final class Records implements AutoCloseable {

    /** Generated dates are days of 2015-2022; a few bounds, late derivation dates and deletions fall just after. */
    static final LocalDate FIRST_DAY = LocalDate.of(2015, 1, 1);
    static final int DAYS = 8 * 365;

    static final List<String> FILE_ORDER = List.of("sources", "purposes", "dataCategories", "organisations", "consents", "datasets",
            "transfers", "campaigns", "enforcementActions", "events");

    final JsonMapper json = JsonMapper.builder().build();
    final SplittableRandom random;
    /**
     * What only documents use (the extra sources, their dates, which are public, the documents' text), apart from
     * {@link #random}: a network generated with documents is the same network as without, its facts spread over
     * more sources.
     */
    final SplittableRandom documentRandom;
    private final int sources;
    private final int spread;
    private final int documents;
    private final List<List<String>> quotes = new ArrayList<>();
    private final Path dir;
    private final Map<String, BufferedWriter> out = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final Map<String, Integer> lineage = new TreeMap<>();

    /**
     * @param sources how many sources the network's size calls for
     * @param documents how many sources get a document (see {@link Documents}); when more than {@code sources}, there
     *        are as many sources as it takes, and each fact cites one of them
     */
    Records(Path dir, long seed, int sources, int documents) {
        this.dir = dir;
        this.random = new SplittableRandom(seed);
        this.documentRandom = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.sources = sources;
        this.spread = documents > sources ? Math.ceilDiv(documents, sources) : 1;
        this.documents = documents;
        for (int d = 0; d < documents; d++) {
            quotes.add(new ArrayList<>());
        }
        try {
            Files.createDirectories(dir);
            for (String section : FILE_ORDER) {
                out.put(section, Files.newBufferedWriter(dir.resolve(section + ".jsonl"), StandardCharsets.UTF_8));
                counts.put(section, 0);
            }
        }
        catch (IOException e) {
            close();
            throw new UncheckedIOException("Cannot write the generated network to " + dir, e);
        }
    }

    ObjectNode object() {
        return json.createObjectNode();
    }

    /** Appends one record to its section's file. */
    void write(String section, ObjectNode record) {
        try {
            BufferedWriter w = out.get(section);
            w.write(json.writeValueAsString(record));
            w.write('\n');
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write the generated network to " + dir, e);
        }
        counts.merge(section, 1, Integer::sum);
    }

    /** Counts one thing the network contains (see {@link NetworkGenerator.Summary#lineage()}). */
    void count(String what) {
        count(what, 1);
    }

    void count(String what, int howMany) {
        lineage.merge(what, howMany, Integer::sum);
    }

    Map<String, Integer> counts() {
        return counts;
    }

    Map<String, Integer> lineage() {
        return lineage;
    }

    /** One piece of evidence: the quote, from one of the generated sources (kept for its document, if it has one). */
    ArrayNode evidence(String quote) {
        int source = random.nextInt(sources);
        if (spread > 1) {
            source += sources * documentRandom.nextInt(spread);
        }
        if (source < documents) {
            quotes.get(source).add(quote);
        }
        ArrayNode list = json.createArrayNode();
        list.addObject().put("source", "gen-source-" + source).put("quote", quote);
        return list;
    }

    /** How many sources the facts cite: those of the network's size, or more, to give every document its own. */
    int sources() {
        return sources * spread;
    }

    /** How many sources the network's size calls for; the sources after them are there for documents. */
    int baseSources() {
        return sources;
    }

    int documents() {
        return documents;
    }

    /** The quotes citing source {@code s}, in the order they were written ({@code s < documents()}). */
    List<String> quotes(int s) {
        return quotes.get(s);
    }

    Path dir() {
        return dir;
    }

    /** The date of day {@code d} (0 is 2015-01-01). */
    static String day(int d) {
        return FIRST_DAY.plusDays(d).toString();
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** True with probability {@code percent} / 100. */
    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    @Override
    public void close() {
        IOException first = null;
        for (BufferedWriter w : out.values()) {
            try {
                w.close();
            }
            catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw new UncheckedIOException("Cannot write the generated network to " + dir, first);
        }
    }
}
