package org.datatrail.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.datatrail.document.DocumentAttach;
import org.datatrail.document.DocumentRefusedException;
import org.datatrail.document.Passage;
import org.datatrail.ingest.FactFile;
import org.datatrail.ingest.FactIngest;
import org.datatrail.ingest.SourceText;
import org.datatrail.organisation.SearchText;
import org.datatrail.security.Caller;
import org.datatrail.system.CypherResource;
import org.datatrail.system.GraphReads;
import org.datatrail.transfer.Traces;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The document part of the benchmark ({@code bench --documents n}): attaching the generated documents through
 * {@link DocumentAttach} (the upload's own path: extraction, passages, quote re-check, audit, one transaction each),
 * the inputs of the document-search requests, and the attach of a large PDF to a source that many quotes cite.
 */
final class DocumentBench {

    /** The application's document search statement, so the raw side runs exactly what GraphQL runs. */
    private static final String SEARCH = CypherResource.named(DocumentAttach.class, "queries.cypher", "search");
    private static final String PDF_SOURCE = "bench-pdf-source";
    /** A source no quote cites, that the PDF is attached to first, untimed, so that the timed attach runs on warm code. */
    private static final String WARM_UP_SOURCE = "bench-pdf-warm-up";

    private final Driver driver;
    private final GraphReads reads;
    private final DocumentAttach documents;
    private final FactIngest ingest;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Caller caller = Caller.system("bench");

    DocumentBench(Driver driver, GraphReads reads, DocumentAttach documents, FactIngest ingest) {
        this.driver = driver;
        this.reads = reads;
        this.documents = documents;
        this.ingest = ingest;
    }

    /** The search statement as a journalist's {@code searchDocuments(text:, first: 20)} runs it: public sources only. */
    static Traces.Statement searchStatement(String text) {
        return new Traces.Statement(SEARCH, Passage.searchParameters(SearchText.fold(text), false, null, 0, 20));
    }

    /**
     * Attaches every generated document ({@code <source id>.txt} in {@code folder}), one attach (and one transaction)
     * each, as {@code source attach --dir} does, on as many threads as there are processors (at most 4): an attach's
     * extraction, quote check and writes overlap with another's, while the part that finds the organisations its passages
     * name takes turns (it holds the lock on the organisations' names until it commits). What it took, and what the quote
     * checks found.
     */
    ObjectNode attachAll(Path folder) {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot list the generated documents in " + folder, e);
        }
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        long started = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        List<DocumentAttach.Attached> attached;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<DocumentAttach.Attached>> futures = files.stream().map(file -> pool.submit(() -> {
                String name = file.getFileName().toString();
                DocumentAttach.Attached a = documents.attachFile(name.substring(0, name.length() - ".txt".length()), file, caller);
                int n = done.incrementAndGet();
                if (n % 1_000 == 0) {
                    System.err.printf("bench: %,d of %,d documents attached in %.0f s%n", n, files.size(), (System.nanoTime() - started) / 1e9);
                }
                return a;
            })).toList();
            attached = new ArrayList<>();
            try {
                for (Future<DocumentAttach.Attached> f : futures) {
                    attached.add(f.get());
                }
            }
            catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while attaching the generated documents", e);
            }
            catch (ExecutionException e) {
                // the rest are not attached: the run stops at the first failure, as the sequential one did
                pool.shutdownNow();
                throw new IllegalStateException("attaching a generated document failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long characters = attached.stream().mapToLong(DocumentAttach.Attached::characters).sum();
        long checked = attached.stream().mapToLong(DocumentAttach.Attached::quotesChecked).sum();
        long notFound = attached.stream().mapToLong(a -> a.quotesNotFound().size()).sum();
        ObjectNode node = json.createObjectNode();
        node.put("attached", files.size()).put("threads", threads).put("seconds", seconds).put("perSecond", files.size() / seconds)
            .put("characters", characters).put("passages", count("MATCH (p:Passage) RETURN count(p) AS n"))
            .put("mentions", count("MATCH (:Passage)-[m:MENTIONS]->() RETURN count(m) AS n")).put("publicDocuments",
                    count("MATCH (s:Source)-[:HAS_DOCUMENT]->(:Document) WHERE coalesce(s.public, false) RETURN count(s) AS n"))
            .put("quotesChecked", checked).put("quotesNotFound", notFound);
        System.err.printf("bench: %,d documents attached (%,d passages, %,d mentions) in %.1f s on %d threads; %,d quotes checked, %,d not found%n",
                files.size(), node.get("passages").asLong(), node.get("mentions").asLong(), seconds, threads, checked, notFound);
        return node;
    }

    /**
     * Up to {@code count} organisation names (drawn with {@code random} from {@code names}) that a journalist's document
     * search finds: what an investigator looks for in the documents.
     */
    List<String> namesInDocuments(List<String> names, Random random, int count) {
        List<String> found = new ArrayList<>();
        try (Session session = driver.session(reads.readSession())) {
            for (int tries = 0; tries < count * 20 && found.size() < count; tries++) {
                String name = names.get(random.nextInt(names.size()));
                Traces.Statement search = searchStatement(name);
                if (!session.run(search.text(), search.parameters()).list().isEmpty()) {
                    found.add(name);
                }
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no organisation's name is in a public document: the documents were not attached");
        }
        return found;
    }

    /**
     * Records {@code quotes} facts citing one source, each through the write path, then attaches a PDF of about
     * {@code bytes} bytes (pages of text, content streams not compressed) that holds every quote, after attaching it
     * once, untimed for the figures, to a source no quote cites: the time of the attach (extraction, storing, passages, the re-check of every quote, audit), of the same upload again (extraction,
     * then finding it unchanged: about the extraction alone), and of finding the quotes in the extracted text alone.
     */
    ObjectNode pdfAttach(int bytes, int quotes, long seed) {
        Random random = new Random(seed);
        ObjectNode facts = json.createObjectNode();
        ArrayNode sources = facts.putArray("sources");
        for (String id : List.of(PDF_SOURCE, WARM_UP_SOURCE)) {
            sources.addObject().put("id", id).put("title", "A long regulator's report, for the benchmark").put("publisher", "Benchmark Gazette")
                .put("published", "2022-06-30").put("url", "https://example.org/reports/" + id);
        }
        ArrayNode organisations = facts.putArray("organisations");
        List<String> said = new ArrayList<>();
        for (int q = 0; q < quotes; q++) {
            String quote = "Bench subject " + q + " bought " + (1 + random.nextInt(900)) + " thousand records about " + WORDS[random.nextInt(WORDS.length)]
                    + " in " + (2015 + random.nextInt(8));
            said.add(quote);
            ObjectNode o = organisations.addObject().put("id", "bench-subject-" + q).put("name", "Bench subject " + q);
            o.putArray("types").add("OTHER");
            o.putArray("evidence").addObject().put("source", PDF_SOURCE).put("quote", quote);
        }
        ingest.ingest(List.of(FactFile.of("bench-pdf-quotes", facts)), caller);
        // pages for about the size asked, then as many more as the first try fell short by (PDFs of the same pages are the same)
        Pdf pdf = pdf(Math.max(1, bytes / 5_000), said, new Random(seed));
        if (pdf.bytes().length < bytes) {
            pdf = pdf((int) Math.ceil((double) pdf.pages() * bytes / pdf.bytes().length), said, new Random(seed));
        }
        ObjectNode node = json.createObjectNode();
        node.put("bytes", pdf.bytes().length).put("pages", pdf.pages());
        double coldSeconds;
        double attachSeconds;
        double againSeconds;
        DocumentAttach.Attached first;
        DocumentAttach.Attached again;
        long started = System.nanoTime();
        try {
            // first to a source no quote cites: a served app has run PDFBox and the attach path before (the cold figure is kept)
            documents.attach(WARM_UP_SOURCE, pdf.bytes(), "application/pdf", "bench.pdf", caller);
            coldSeconds = (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            first = documents.attach(PDF_SOURCE, pdf.bytes(), "application/pdf", "bench.pdf", caller);
            attachSeconds = (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            again = documents.attach(PDF_SOURCE, pdf.bytes(), "application/pdf", "bench.pdf", caller);
            againSeconds = (System.nanoTime() - started) / 1e9;
        }
        catch (DocumentRefusedException e) {
            // e.g. an extraction slower than datatrail.documents.extraction-timeout: a figure too, not a crash of the run
            node.put("refused", e.getMessage()).put("secondsUntilRefused", (System.nanoTime() - started) / 1e9);
            System.err.println("bench: the PDF's attach was refused: " + e.getMessage());
            return node;
        }
        String text;
        try (Session session = driver.session(reads.readSession())) {
            text = session.run("MATCH (d:Document {source: $source}) RETURN d.text AS text", Map.of("source", PDF_SOURCE)).single().get("text").asString();
        }
        started = System.nanoTime();
        SourceText source = new SourceText(text);
        long located = said.stream().filter(q -> source.locate(q).isPresent()).count();
        double locateSeconds = (System.nanoTime() - started) / 1e9;
        node.put("characters", first.characters()).put("quotesChecked", first.quotesChecked())
            .put("quotesNotFound", first.quotesNotFound().size()).put("changed", first.changed()).put("seconds", attachSeconds)
            .put("coldAttachWithoutQuotesSeconds", coldSeconds).put("sameUploadAgainSeconds", againSeconds).put("sameUploadAgainChanged", again.changed())
            .put("quotesLocatedInMemory", located).put("locateQuotesSeconds", locateSeconds)
            .put("passages", count("MATCH (:Document {source: '" + PDF_SOURCE + "'})-[:HAS_PASSAGE]->(p) RETURN count(p) AS n"));
        System.err.printf("bench: a %,d-byte PDF (%,d pages, %,d characters) attached to a source %,d quotes cite in %.2f s (%d not found; "
                + "cold, to a source no quote cites, %.2f s); the same upload again in %.2f s; the %,d quotes found in its text in %.3f s%n",
                pdf.bytes().length, pdf.pages(), first.characters(), first.quotesChecked(), attachSeconds, first.quotesNotFound().size(), coldSeconds,
                againSeconds, located, locateSeconds);
        return node;
    }

    private static final String[] WORDS = { "new parents", "pensioners", "students", "homeowners", "voters", "prize draw entrants",
        "loyalty card holders", "subscribers" };

    private record Pdf(byte[] bytes, int pages) {
    }

    /**
     * A PDF of {@code pages} pages of Helvetica text (about 4,200 characters and 4,600 bytes a page), holding every quote
     * once, in order, among filler sentences, and wrapped across lines as a report would be (a quote may run over a
     * line end).
     */
    private static Pdf pdf(int pages, List<String> quotes, Random random) {
        int sentencesPerPage = 40;
        int total = pages * sentencesPerPage;
        int[] at = random.ints(quotes.size(), 0, total).sorted().toArray();
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            int q = 0;
            for (int p = 0; p < pages; p++) {
                StringBuilder page = new StringBuilder();
                for (int s = p * sentencesPerPage; s < (p + 1) * sentencesPerPage; s++) {
                    while (q < at.length && at[q] == s) {
                        page.append(quotes.get(q++)).append(". ");
                    }
                    page.append(String.format(Locale.ROOT, "Paragraph %d of the findings concerns the register of %s sold in %d for %,d pounds. ", s,
                            WORDS[random.nextInt(WORDS.length)], 2015 + random.nextInt(8), 100 * (1 + random.nextInt(5_000))));
                }
                addPage(document, font, page.toString());
            }
            document.save(out);
            return new Pdf(out.toByteArray(), pages);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addPage(PDDocument document, PDType1Font font, String text) throws IOException {
        PDPage page = new PDPage();
        document.addPage(page);
        // not compressed: the bytes are the text's, so a PDF of a given size holds as much text as it can
        try (PDPageContentStream content = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.OVERWRITE, false)) {
            content.beginText();
            content.setFont(font, 8);
            content.setLeading(11);
            content.newLineAtOffset(40, 750);
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                if (line.length() + word.length() + 1 > 120) {
                    content.showText(line.toString());
                    content.newLine();
                    line.setLength(0);
                }
                line.append(line.isEmpty() ? "" : " ").append(word);
            }
            content.showText(line.toString());
            content.endText();
        }
    }

    private long count(String cypher) {
        try (Session session = driver.session(reads.readSession())) {
            return session.run(cypher).single().get("n").asLong();
        }
    }
}
