package org.datatrail.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.datatrail.ingest.SourceText;
import org.datatrail.organisation.SearchText;
import org.datatrail.security.Caller;
import org.datatrail.system.CypherResource;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.summary.SummaryCounters;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * Attaches a document to a source: checks the upload against the limits ({@link DocumentProperties}), extracts its
 * text, and in one write transaction stores it, checks every quote citing the source against it, and audits both.
 * The same bytes again change nothing. Used by {@code POST /sources/{id}/document} and by {@code source attach}.
 */
@Service
public final class DocumentAttach {

    private static final Map<String, String> QUERIES = CypherResource.named(DocumentAttach.class, "attach.cypher");
    private static final Map<String, String> EXTENSIONS = Map.of("txt", TextExtractor.PLAIN, "text", TextExtractor.PLAIN, "html",
            TextExtractor.HTML, "htm", TextExtractor.HTML, "pdf", TextExtractor.PDF);

    private final Driver driver;
    private final DocumentProperties limits;
    private final TextExtractor extractor;
    private final OrganisationNames names;
    private final JsonMapper json = JsonMapper.builder().build();

    DocumentAttach(Driver driver, DocumentProperties limits, OrganisationNames names) {
        this.driver = driver;
        this.limits = limits;
        this.names = names;
        this.extractor = new TextExtractor(limits.extractionTimeout());
    }

    /** A quote citing the source that its document does not hold. */
    public record NotFound(String fact, String quote) {
    }

    /**
     * What an attach did.
     *
     * @param changed false when the source already had exactly these bytes (nothing was written)
     * @param quotesChecked how many quotes cite the source (all checked against the document)
     */
    public record Attached(String source, String sha256, int characters, int quotesChecked, List<NotFound> quotesNotFound, boolean changed) {
    }

    /** The largest upload accepted, in bytes. */
    public long maxBytes() {
        return limits.maxSize().toBytes();
    }

    /**
     * @param contentType the upload's Content-Type (its charset, if any, decodes a plain text or HTML page)
     * @param fileName the uploaded file's name, when known (kept with the document)
     * @throws DocumentRefusedException when the upload is refused (nothing is stored)
     */
    public Attached attach(String sourceId, byte[] bytes, String contentType, String fileName, Caller caller) {
        if (bytes.length == 0) {
            throw new DocumentRefusedException(400, "the upload is empty; send the document as the request body or as multipart field 'file'");
        }
        if (bytes.length > maxBytes()) {
            throw tooLarge(bytes.length);
        }
        MediaType type = mediaType(contentType);
        String base = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
        requireSource(sourceId);
        String text = extractor.extract(bytes, base, type.getParameter("charset"));
        return write(sourceId, bytes, base, fileName, text, caller);
    }

    /** Attaches one file; its media type is told by its extension ({@code .txt}, {@code .html}/{@code .htm}, {@code .pdf}). */
    public Attached attachFile(String sourceId, Path file, Caller caller) {
        String type = typeOf(file);
        long size = size(file);
        if (size > maxBytes()) {
            throw tooLarge(size);
        }
        return attach(sourceId, read(file), type, file.getFileName().toString(), caller);
    }

    /**
     * Attaches every file of a folder, each to the source its name gives ({@code <source id>.<ext>}), in name order.
     * Names, types, sizes and sources are all checked before anything is attached; each file is then attached in a
     * transaction of its own, so when one fails to extract, the ones before it stay attached (attaching again is
     * idempotent: run it again once fixed).
     */
    public List<Attached> attachFolder(Path dir, Caller caller) {
        if (!Files.isDirectory(dir)) {
            throw new DocumentRefusedException(404, "no folder " + dir.toAbsolutePath().normalize());
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        if (files.isEmpty()) {
            throw new DocumentRefusedException(400, dir + " holds no files; expected files named <source id>.txt, .html or .pdf");
        }
        for (Path file : files) {
            typeOf(file);
            if (size(file) > maxBytes()) {
                throw new DocumentRefusedException(413, file.getFileName() + ": " + tooLarge(size(file)).getMessage());
            }
            try {
                requireSource(sourceIdOf(file));
            }
            catch (DocumentRefusedException e) {
                throw new DocumentRefusedException(404, file.getFileName() + ": " + e.getMessage() + "; nothing was attached");
            }
        }
        List<Attached> attached = new ArrayList<>();
        for (Path file : files) {
            try {
                attached.add(attachFile(sourceIdOf(file), file, caller));
            }
            catch (DocumentRefusedException e) {
                throw new DocumentRefusedException(e.status(), file.getFileName() + ": " + e.getMessage()
                        + (attached.isEmpty() ? "" : "; the " + attached.size() + " file(s) before it are attached (attaching again is idempotent)"));
            }
        }
        return attached;
    }

    static String sourceIdOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    private static String typeOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? null : EXTENSIONS.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (type == null) {
            throw new DocumentRefusedException(415, file.getFileName() + ": cannot tell the media type from the name; expected "
                    + "<source id>.txt, .html, .htm or .pdf");
        }
        return type;
    }

    private MediaType mediaType(String contentType) {
        String allowed = String.join(", ", limits.mediaTypes());
        if (contentType == null || contentType.isBlank()) {
            throw new DocumentRefusedException(415, "no Content-Type; send the document as one of " + allowed);
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        }
        catch (InvalidMediaTypeException e) {
            throw new DocumentRefusedException(415, "Content-Type '" + contentType + "' is not a media type; expected one of " + allowed);
        }
        String base = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
        if (limits.mediaTypes().stream().noneMatch(base::equalsIgnoreCase) || !EXTENSIONS.containsValue(base)) {
            throw new DocumentRefusedException(415, "media type " + base + " is not accepted; expected one of " + allowed);
        }
        return type;
    }

    private DocumentRefusedException tooLarge(long size) {
        return new DocumentRefusedException(413, "the document is " + size + " bytes; at most " + maxBytes()
                + " are accepted (datatrail.documents.max-size)");
    }

    private void requireSource(String sourceId) {
        try (Session session = driver.session(SessionConfig.builder().withDefaultAccessMode(org.neo4j.driver.AccessMode.READ)
            .withBookmarkManager(driver.executableQueryBookmarkManager()).build())) {
            if (session.executeRead(tx -> tx.run(QUERIES.get("current"), Map.of("source", sourceId)).list()).isEmpty()) {
                throw unknown(sourceId);
            }
        }
    }

    private static DocumentRefusedException unknown(String sourceId) {
        return new DocumentRefusedException(404, "unknown source '" + sourceId + "'; a document is attached to a recorded source "
                + "(Query.sources lists them; recordSource records one)");
    }

    private Attached write(String sourceId, byte[] bytes, String mediaType, String fileName, String text, Caller caller) {
        String sha256 = sha256(bytes);
        try (Session session = driver.session(SessionConfig.builder().withBookmarkManager(driver.executableQueryBookmarkManager()).build())) {
            return session.executeWrite(tx -> {
                tx.run(QUERIES.get("lock"), Map.of("source", sourceId)).consume();
                List<Record> current = tx.run(QUERIES.get("current"), Map.of("source", sourceId)).list();
                if (current.isEmpty()) {
                    throw unknown(sourceId);
                }
                String previous = current.getFirst().get("sha256").isNull() ? null : current.getFirst().get("sha256").asString();
                List<Record> citing = tx.run(QUERIES.get("citing"), Map.of("source", sourceId)).list();
                if (sha256.equals(previous)) {
                    List<NotFound> notFound = citing.stream().filter(r -> "NOT_FOUND".equals(r.get("check").asString(null)))
                        .map(r -> new NotFound(r.get("fact").asString(), r.get("quote").asString())).toList();
                    return new Attached(sourceId, sha256, text.length(), citing.size(), notFound, false);
                }
                return attachNew(tx, sourceId, bytes, mediaType, fileName, text, sha256, previous, citing, caller);
            });
        }
    }

    private Attached attachNew(TransactionContext tx, String sourceId, byte[] bytes, String mediaType, String fileName, String text, String sha256,
            String previous, List<Record> citing, Caller caller) {
        Map<String, Object> document = new HashMap<>();
        document.put("source", sourceId);
        document.put("sha256", sha256);
        document.put("mediaType", mediaType);
        document.put("characters", text.length());
        document.put("text", text);
        document.put("bytes", bytes);
        document.put("fileName", fileName);
        SummaryCounters attached = tx.run(QUERIES.get("attach"), document).consume().counters();
        SourceText source = new SourceText(text);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<NotFound> notFound = new ArrayList<>();
        for (Record r : citing) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", r.get("id").asString());
            SourceText.Location at = source.locate(r.get("quote").asString()).orElse(null);
            if (at == null) {
                row.put("check", "NOT_FOUND");
                notFound.add(new NotFound(r.get("fact").asString(), r.get("quote").asString()));
            }
            else {
                row.putAll(Map.of("check", "FOUND", "start", at.start(), "end", at.end(), "context", at.context()));
            }
            rows.add(row);
        }
        tx.run(QUERIES.get("recheck"), Map.of("rows", rows)).consume();
        // the passages last: the lock on the organisations' names is held from here until the commit
        OrganisationNames.Matcher matcher = names.lockAndRead(tx);
        List<Map<String, Object>> passages = Passages.of(text).stream().map(p -> {
            String passage = text.substring(p.start(), p.end());
            String folded = SearchText.fold(passage);
            List<Map<String, Object>> mentions = matcher.mentionedIn(folded).stream()
                .map(m -> Map.<String, Object>of("id", m.id(), "at", m.at())).toList();
            return Map.<String, Object>of("start", p.start(), "end", p.end(), "text", passage, "searchText", folded, "mentions", mentions);
        }).toList();
        SummaryCounters cut = tx.run(QUERIES.get("passages"), Map.of("source", sourceId, "passages", passages)).consume().counters();
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("sha256", sha256);
        input.put("mediaType", mediaType);
        input.put("fileName", fileName);
        input.put("characters", text.length());
        input.put("replaced", previous);
        input.put("quotesChecked", citing.size());
        input.put("quotesNotFound", notFound);
        Map<String, Object> audit = new HashMap<>();
        audit.put("role", caller.role().name());
        audit.put("label", caller.label());
        audit.put("operation", "attach document to source " + sourceId);
        audit.put("source", sourceId);
        audit.put("input", json.writeValueAsString(input));
        audit.put("nodesCreated", attached.nodesCreated() + cut.nodesCreated());
        audit.put("nodesDeleted", cut.nodesDeleted());
        audit.put("relationshipsCreated", attached.relationshipsCreated() + cut.relationshipsCreated());
        audit.put("relationshipsDeleted", cut.relationshipsDeleted());
        tx.run(QUERIES.get("audit"), audit).consume();
        return new Attached(sourceId, sha256, text.length(), citing.size(), List.copyOf(notFound), true);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
