package org.datatrail.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.datatrail.organisation.SearchText;
import org.datatrail.security.Caller;
import org.datatrail.system.CypherResource;
import org.datatrail.system.DataDirectory;
import org.datatrail.system.DataTrailProperties;
import org.datatrail.system.EmbeddedNeo4j;
import org.datatrail.system.SchemaMigrations;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.importer.ImportCommand;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;

import tools.jackson.databind.JsonNode;

/**
 * The {@code import} command's path into an embedded database that does not exist yet: every batch is read and
 * validated exactly as {@link BulkImport} does it (the same {@link JsonlBatches}, the same {@link FactValidator},
 * references resolved against everything accepted so far instead of the database), then turned into the nodes and
 * relationships the {@code write-*.cypher} statements would have made, written as CSV, and loaded by Neo4j's offline
 * importer ({@code neo4j-admin database import full}, run in this process) in one go.
 * <p>
 * The rule: <b>all or nothing for the whole import</b>. Every batch is checked before the store is written, so one
 * refused line leaves no database at all. The store is written, given its constraints and indexes (the schema
 * migrations, as for any database) and completed by {@link #finish} in a working folder beside the live one, and moved
 * into place in one rename only when all of that is done ({@link Phase}): a failure removes the working folder, a killed
 * process leaves it for the next import to remove, and the application refuses to start while it is there.
 * <p>
 * Two things the importer's CSV cannot say are applied by {@link #finish}: an empty list (the write statements store
 * {@code []} for a missing {@code aliases}, {@code channels} or {@code collectionChannels}) and a list item that is
 * empty or holds the array delimiter.
 */
public final class OfflineImport {

    /**
     * What was imported.
     *
     * @param fixes values set after the import that CSV could not carry (rare; see the class comment)
     */
    public record Result(long records, long nodesCreated, long relationshipsCreated, long checkMillis, long storeMillis,
            List<Map<String, Object>> fixes) {

        public long millis() {
            return checkMillis + storeMillis;
        }
    }

    /** A relationship a record's field makes: to the record it names ({@code outgoing}) or from it. */
    private record Link(String field, String type, boolean outgoing, String label) {
    }

    /** Neo4j's importer splits array values on this character; it cannot appear in a facts file's text. */
    private static final char ARRAY_DELIMITER = '\u001F';

    private static final Map<String, List<String>> COLUMNS = Map.ofEntries(
            Map.entry("Source", List.of("title", "publisher", "published:date", "url", "note", "public:boolean", "recordedAt:datetime")),
            Map.entry("Purpose", List.of("name", "description")),
            Map.entry("DataCategory", List.of("name", "concernsChildren:boolean")),
            Map.entry("Organisation", List.of("name", "aliases:string[]", "types:string[]", "description", "searchText", "hedges:string[]",
                    "recordedAt:datetime")),
            Map.entry("Consent", List.of("title", "kind", "channels:string[]", "validFrom:date", "validUntil:date", "hedges:string[]",
                    "recordedAt:datetime")),
            Map.entry("Dataset", List.of("name", "subjectGroups:string[]", "collectionChannels:string[]", "collectedFrom:date", "collectedUntil:date",
                    "hedges:string[]", "recordedAt:datetime")),
            Map.entry("Transfer", List.of("date:date", "recordCount:long", "recordCountIsLowerBound:boolean", "agreement", "earliest:date",
                    "latest:date", "hedges:string[]", "recordedAt:datetime")),
            Map.entry("Campaign", List.of("name", "channel", "startDate:date", "endDate:date", "constituenciesTargeted:long", "reach",
                    "hedges:string[]", "recordedAt:datetime")),
            Map.entry("EnforcementAction", List.of("kind", "amount:double", "currency", "date:date", "legalFinding", "status", "hedges:string[]",
                    "recordedAt:datetime")),
            Map.entry("Event", List.of("kind", "description", "date:date", "hedges:string[]", "recordedAt:datetime")),
            Map.entry("Dispute", List.of("subject", "field", "kind", "note", "recordedAt:datetime")),
            Map.entry("Claim", List.of("value", "note", "recordedAt:datetime")),
            Map.entry(FactValidator.DERIVATION, List.of("kind", "date:date", "hedges:string[]", "recordedAt:datetime")),
            Map.entry("Evidence", List.of("quote", "check", "recordedAt:datetime")),
            Map.entry("AuditEntry", List.of("at:datetime", "role", "tokenLabel", "operation", "recordIds:string[]", "input",
                    "nodesCreated:long", "nodesDeleted:long", "relationshipsCreated:long", "relationshipsDeleted:long")));

    /** The relationships of each section, as its {@code write-<section>.cypher} statement makes them. */
    private static final Map<Section, List<Link>> LINKS = Map.ofEntries(
            Map.entry(Section.SOURCES, List.of()),
            Map.entry(Section.PURPOSES, List.of(new Link("includes", "INCLUDES", true, "Purpose"))),
            Map.entry(Section.DATA_CATEGORIES, List.of()),
            Map.entry(Section.ORGANISATIONS, List.of(new Link("partOf", "PART_OF", true, "Organisation"))),
            Map.entry(Section.CONSENTS, List.of(new Link("permittedPurposes", "PERMITS", true, "Purpose"),
                    new Link("issuedBy", "ISSUED", false, "Organisation"), new Link("supersedes", "SUPERSEDES", true, "Consent"))),
            Map.entry(Section.DATASETS, List.of(new Link("heldBy", "HOLDS", false, "Organisation"),
                    new Link("dataCategories", "HAS_CATEGORY", true, "DataCategory"), new Link("consents", "COLLECTED_UNDER", true, "Consent"))),
            Map.entry(Section.TRANSFERS, List.of(new Link("from", "SENT", false, "Organisation"), new Link("to", "TO", true, "Organisation"),
                    new Link("dataset", "CARRIES", true, "Dataset"), new Link("purposes", "FOR", true, "Purpose"),
                    new Link("onBehalfOf", "ON_BEHALF_OF", true, "Organisation"))),
            Map.entry(Section.CAMPAIGNS, List.of(new Link("runBy", "RAN", false, "Organisation"), new Link("purposes", "FOR", true, "Purpose"),
                    new Link("datasets", "USED", true, "Dataset"))),
            Map.entry(Section.ENFORCEMENT_ACTIONS, List.of(new Link("regulator", "TOOK", false, "Organisation"),
                    new Link("against", "AGAINST", true, "Organisation"))),
            Map.entry(Section.EVENTS, List.of(new Link("organisations", "INVOLVES", true, "Organisation"),
                    new Link("datasets", "CONCERNS", true, "Dataset"))),
            Map.entry(Section.DISPUTES, List.of(new Link("about", "ABOUT", true, Section.FACT))));

    /** The labels whose nodes the write statements also label {@code :Fact}: every evidence-bearing record, claims and derivations. */
    private static final Set<String> FACT_LABELS = Stream.concat(
            java.util.Arrays.stream(Section.values()).filter(s -> s.carriesEvidence).map(s -> s.label), Stream.of("Claim", FactValidator.DERIVATION))
        .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static final Collection<String> DEFAULTS = CypherResource.named(OfflineImport.class, "offline-import-defaults.cypher").values();
    private static final String FIX = CypherResource.load(OfflineImport.class, "offline-import-fix.cypher");
    private static final int MAX_AUDITED_INPUT = 20;


    /**
     * The steps of an offline import, in order; each ends with everything it made on disk, so a process killed after
     * any of them leaves only its working folder (or, after {@link #MOVED}, a store still marked unfinished).
     */
    public enum Phase {
        /** Every line checked and turned into CSV, in the working folder. */
        CHECKED,
        /** Neo4j's importer wrote the store, in the working folder. */
        STORE,
        /** The schema migrations built the constraints and indexes, on the store in the working folder. */
        INDEXES,
        /** What the CSV cannot say (empty lists, odd list items) was set, and the working store shut down. */
        DEFAULTS,
        /** The store was moved into place, still marked unfinished until the next and last step removes the mark. */
        MOVED
    }

    /** Thrown by the test hook in place of a {@code kill -9}: an Error, so no clean-up of the import runs. */
    static final class Crash extends Error {
        Crash(Phase phase) {
            super("offline import stopped after " + phase + " (test hook)");
        }
    }

    private final FactValidator validator = new FactValidator();
    private final Phase crashAfter;

    public OfflineImport() {
        this(null);
    }

    /** For tests: stops as a killed process would, right after {@code crashAfter}. */
    OfflineImport(Phase crashAfter) {
        this.crashAfter = crashAfter;
    }

    /**
     * Whether {@code dataDir} holds no database yet, so the offline import may create one there (the leftovers of an
     * offline import that did not finish are no database: the import removes them first).
     */
    public static boolean canLoadInto(Path dataDir) {
        Path home = dataDir.toAbsolutePath().normalize();
        return Files.exists(home.resolve("data").resolve(DataDirectory.IMPORT_INCOMPLETE))
                || (!Files.exists(home.resolve("data/databases/neo4j")) && !Files.exists(home.resolve("data/transactions/neo4j")));
    }

    /** What an offline import that did not finish left under {@code dataDir}: its working folders and an unfinished store. */
    public static List<Path> leftovers(Path dataDir) {
        return DataDirectory.importLeftovers(dataDir);
    }

    /**
     * Removes what an offline import that did not finish left under the locked folder, saying so on {@code progress}.
     * Safe because the folder is locked: no import is running there.
     */
    public static void removeLeftovers(DataDirectory folder, PrintStream progress) {
        for (Path leftover : leftovers(folder.home())) {
            DataDirectory.delete(leftover);
            if (progress != null) {
                progress.printf("import: removed %s, left by an offline import that did not finish%n", leftover);
            }
        }
    }

    /**
     * Validates the whole folder, then creates the embedded database under {@code dataDir} from it: the store is built in
     * a working folder beside the live one ({@code <dataDir>/import-*}), its constraints and indexes built and its
     * defaults set there, and only then moved into place in one rename. A process killed at any point leaves nothing
     * the application starts on; the next import removes what it left.
     *
     * @param progress where progress lines (and the importer's own) go, or {@code null}
     * @throws FactValidationException for the first refused batch; nothing is written
     * @throws IllegalStateException when {@code dataDir} already holds a database, is in use, or the importer fails
     */
    public Result load(Path dir, Path dataDir, int batchSize, PrintStream progress) {
        try (DataDirectory folder = DataDirectory.lock(dataDir, "offline import")) {
            Path home = folder.home();
            removeLeftovers(folder, progress);
            if (!canLoadInto(home)) {
                throw new IllegalStateException(home + " already holds a database; the offline import only creates a new one "
                        + "(use --mode online to add to it, or a new --datatrail.data-dir)");
            }
            Path staging;
            try {
                staging = Files.createTempDirectory(home, DataDirectory.IMPORT_PREFIX);
            }
            catch (IOException e) {
                throw new UncheckedIOException("Cannot create a working folder under " + home, e);
            }
            try {
                return build(dir, home, staging, batchSize, progress);
            }
            catch (RuntimeException e) {
                // a refusal or a failure (not a kill) cleans up after itself
                DataDirectory.delete(staging);
                throw e;
            }
        }
    }

    private Result build(Path dir, Path home, Path staging, int batchSize, PrintStream progress) {
        long started = System.nanoTime();
        Path work = staging.resolve("csv");
        DataDirectory.createPrivateFolder(work);
        Writer writer;
        try (Csv csv = new Csv(work)) {
            writer = new Writer(csv, Caller.system("import " + dir));
            JsonlBatches.read(dir, batchSize, batch -> {
                List<Problem> problems = writer.duplicates(batch);
                if (problems.isEmpty()) {
                    problems = validator.validate(List.of(batch.document()), writer.accepted());
                }
                if (!problems.isEmpty()) {
                    throw batch.atLines(problems);
                }
                writer.write(batch);
                if (progress != null) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    progress.printf("import: %s lines %,d-%,d of %,d checked; %,d relationships to write (%.1f s)%n", batch.file().getFileName(),
                            batch.firstLine(), batch.lastLine(), batch.linesInFile(), writer.relationships, seconds);
                }
            });
            csv.close();
            reached(Phase.CHECKED);
            long checked = System.nanoTime();
            if (progress != null) {
                progress.printf("import: every line accepted; writing the store with Neo4j's importer in %s%n", staging);
            }
            runImporter(staging, work, csv, progress);
            reached(Phase.STORE);
            DataDirectory.delete(work);
            long stored = System.nanoTime();
            Result result = new Result(writer.records, writer.nodes, writer.relationships, (checked - started) / 1_000_000,
                    (stored - checked) / 1_000_000, List.copyOf(writer.fixes));
            if (progress != null) {
                progress.printf("import: store written (%.1f s); building its constraints and indexes before it goes live%n", (stored - checked) / 1e9);
            }
            finishInPlace(staging, result);
            moveIntoPlace(staging, home);
            if (progress != null) {
                progress.printf("import: the new database is in place in %s%n", home.resolve("data"));
            }
            return new Result(result.records(), result.nodesCreated(), result.relationshipsCreated(), result.checkMillis(),
                    (System.nanoTime() - checked) / 1_000_000, result.fixes());
        }
    }

    /** Starts the store in the working folder (loopback, any free port, a throw-away password) for the migrations and defaults. */
    private void finishInPlace(Path staging, Result result) {
        String password = UUID.randomUUID().toString();
        var settings = new DataTrailProperties.Neo4j(0, "1 files", Duration.ZERO, Duration.ofSeconds(10), "512m");
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.start(staging, settings, password);
                Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic("neo4j", password))) {
            SchemaMigrations.fromClasspath(driver).migrate();
            reached(Phase.INDEXES);
            finish(driver, result);
        }
        reached(Phase.DEFAULTS);
    }

    /**
     * One rename puts the finished store in place. The mark written before it and removed after it tells the application
     * (which refuses a store that has it) that a process died in between.
     */
    private void moveIntoPlace(Path staging, Path home) {
        Path built = staging.resolve("data");
        Path live = home.resolve("data");
        try {
            Files.writeString(built.resolve(DataDirectory.IMPORT_INCOMPLETE), "Left by an offline import that did not finish; remove this folder "
                    + "and run the import again.\n");
            if (Files.exists(live)) {
                // no database in it (checked under the lock), but perhaps Neo4j's system files of an earlier attempt
                Files.move(live, staging.resolve("replaced-data"), StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(built, live, StandardCopyOption.ATOMIC_MOVE);
            reached(Phase.MOVED);
            Files.delete(live.resolve(DataDirectory.IMPORT_INCOMPLETE));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot move the imported database from " + built + " to " + live, e);
        }
        DataDirectory.delete(staging);
    }

    private void reached(Phase phase) {
        if (phase == crashAfter) {
            throw new Crash(phase);
        }
    }

    /**
     * Sets what the CSV could not carry, in the database started on the imported store ({@link #load} does it before
     * the store goes live; running it again changes nothing).
     */
    public static void finish(Driver driver, Result result) {
        try (Session session = driver.session()) {
            for (String statement : DEFAULTS) {
                session.run(statement).consume();
            }
            for (int i = 0; i < result.fixes().size(); i += BulkImport.DEFAULT_BATCH) {
                List<Map<String, Object>> rows = result.fixes().subList(i, Math.min(result.fixes().size(), i + BulkImport.DEFAULT_BATCH));
                session.executeWrite(tx -> tx.run(FIX, Map.of("rows", rows)).consume());
            }
        }
    }

    private static void runImporter(Path home, Path work, Csv csv, PrintStream progress) {
        List<String> args = new ArrayList<>();
        csv.nodeFiles.forEach((labels, file) -> args.add("--nodes=" + labels + "=" + file));
        csv.relationshipFiles.values().forEach(file -> args.add("--relationships=" + file));
        args.add("--array-delimiter=" + ARRAY_DELIMITER);
        args.add("--multiline-fields=" + csv.multiline);
        args.add("--bad-tolerance=0");
        args.add("--report-file=" + work.resolve("import.report"));
        args.add("neo4j");
        PrintStream out = progress != null ? progress : new PrintStream(OutputStream.nullOutputStream());
        ExecutionContext context = new ExecutionContext(home, work, out, progress != null ? System.err : out, new DefaultFileSystemAbstraction());
        int exit;
        try {
            exit = new picocli.CommandLine(new ImportCommand.Full(context)).execute(args.toArray(String[]::new));
        }
        catch (RuntimeException e) {
            throw new IllegalStateException("Neo4j's importer failed: " + e.getMessage(), e);
        }
        if (exit != 0) {
            String report = "";
            try {
                Path file = work.resolve("import.report");
                report = Files.exists(file) ? Files.readString(file).strip() : "";
            }
            catch (IOException e) {
                // the exit code is the news
            }
            throw new IllegalStateException("Neo4j's importer failed (exit " + exit + "); nothing was imported"
                    + (report.isEmpty() ? "" : ": " + report));
        }
    }

    /** Turns accepted batches into CSV rows: the nodes and relationships the write statements would have made. */
    private static final class Writer {

        /** What the batches so far recorded: the kind of every id, the lineage and the consent versions (see {@link Existing}). */
        final Map<String, String> known = new HashMap<>();
        final Map<String, Set<String>> derivedFrom = new HashMap<>();
        final Map<String, String> derivationInto = new HashMap<>();
        final Map<String, String> supersedes = new HashMap<>();
        final Set<String> evidence = new HashSet<>();
        final List<Map<String, Object>> fixes = new ArrayList<>();
        final Csv csv;
        final Caller caller;
        final String now = OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        long records;
        long nodes;
        long relationships;

        Writer(Csv csv, Caller caller) {
            this.csv = csv;
            this.caller = caller;
        }

        Existing accepted() {
            // A database that does not exist yet has no attached documents: every quote it is given is recorded as unchecked
            // (attaching a document later checks them all), exactly as an online import into a database without documents.
            return new Existing(known, derivedFrom, derivationInto, supersedes, Map.of());
        }

        /** An id defined twice in the folder: the database would merge the two, the importer cannot. */
        List<Problem> duplicates(JsonlBatches.Batch batch) {
            List<Problem> problems = new ArrayList<>();
            FactValidator.forEachRecord(batch.document(), (section, index, record) -> {
                String id = record.path("id").isString() ? record.path("id").asString() : null;
                duplicate(batch, section, index, "id", id, problems);
                FactValidator.forEachDerivation(record, (j, derivation) -> duplicate(batch, section, index, "derivedFrom[" + j + "].id",
                        id == null ? null : FactWriter.derivationId(id, derivation), problems));
            });
            return problems;
        }

        private void duplicate(JsonlBatches.Batch batch, Section section, int index, String field, String id, List<Problem> problems) {
            if (id != null && known.containsKey(id)) {
                problems.add(new Problem(batch.document().name(), section.jsonName + "[" + index + "]." + field, id,
                        "id is used twice (also earlier in this import, by " + Section.withArticle(Section.nounOf(known.get(id)))
                                + "); ids must be unique across all kinds of record"));
            }
        }

        void write(JsonlBatches.Batch batch) {
            long nodesBefore = nodes;
            long relationshipsBefore = relationships;
            List<String> ids = new ArrayList<>();
            List<String> facts = new ArrayList<>();
            int[] count = { 0 };
            FactValidator.forEachRecord(batch.document(), (section, index, record) -> {
                String id = record.path("id").asString();
                known.put(id, section.label);
                count[0]++;
                if (section == Section.CONSENTS && record.path("supersedes").isString()) {
                    supersedes.put(id, record.path("supersedes").asString());
                }
                List<String> recordIds = FactIngest.recordIds(record);
                ids.addAll(recordIds);
                if (section.carriesEvidence) {
                    facts.addAll(recordIds);
                }
                FactValidator.forEachDerivation(record, (j, derivation) -> {
                    String derivationId = FactWriter.derivationId(id, derivation);
                    known.put(derivationId, FactValidator.DERIVATION);
                    derivationInto.put(derivationId, id);
                    derivedFrom.computeIfAbsent(id, d -> new HashSet<>()).add(derivation.path("source").asString());
                });
            });
            FactValidator.forEachRecord(batch.document(), (section, index, record) -> record(section, record));
            records += count[0];
            String audit = UUID.randomUUID().toString();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("at:datetime", now);
            entry.put("role", caller.role().name());
            entry.put("tokenLabel", caller.label());
            entry.put("operation", batch.document().name());
            entry.put("recordIds:string[]", ids);
            entry.put("input", count[0] <= MAX_AUDITED_INPUT ? batch.document().content().toString() : null);
            entry.put("nodesCreated:long", nodes - nodesBefore);
            entry.put("nodesDeleted:long", 0);
            entry.put("relationshipsCreated:long", relationships - relationshipsBefore);
            entry.put("relationshipsDeleted:long", 0);
            csv.node("AuditEntry", audit, entry, this);
            for (String fact : facts) {
                csv.relationship("AuditEntry", audit, "RECORDED", known.get(fact), fact);
            }
        }

        private void record(Section section, JsonNode record) {
            String id = record.path("id").asString();
            String label = section.label;
            node(label, id, columns(label, section, record));
            for (Link link : LINKS.get(section)) {
                JsonNode value = record.path(link.field());
                Set<String> targets = new LinkedHashSet<>();
                if (value.isArray()) {
                    value.valueStream().map(JsonNode::asString).forEach(targets::add);
                }
                else if (value.isString()) {
                    targets.add(value.asString());
                }
                Map<String, List<String>> about = link.type().equals("HAS_CATEGORY") ? categoriesAbout(record) : null;
                for (String target : targets) {
                    String targetLabel = Section.FACT.equals(link.label()) ? known.get(target) : link.label();
                    if (about != null) {
                        relationship(label, id, link.type(), targetLabel, target, about.get(target));
                    }
                    else if (link.outgoing()) {
                        relationship(label, id, link.type(), targetLabel, target);
                    }
                    else {
                        relationship(targetLabel, target, link.type(), label, id);
                    }
                }
            }
            if (section.carriesEvidence) {
                evidence(label, id, record.path("evidence"));
            }
            FactValidator.forEachDerivation(record, (j, derivation) -> {
                String derivationId = FactWriter.derivationId(id, derivation);
                node(FactValidator.DERIVATION, derivationId, columns(FactValidator.DERIVATION, section, derivation));
                relationship("Dataset", derivation.path("source").asString(), "FEEDS", FactValidator.DERIVATION, derivationId);
                relationship(FactValidator.DERIVATION, derivationId, "INTO", "Dataset", id);
                evidence(FactValidator.DERIVATION, derivationId, derivation.path("evidence"));
            });
            for (JsonNode claim : record.path("claims")) {
                String claimId = FactWriter.claimId(id, claim.path("value").asString());
                if (known.putIfAbsent(claimId, "Claim") == null) {
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("value", claim.path("value").asString());
                    c.put("note", claim.path("note").isString() ? claim.path("note").asString() : null);
                    c.put("recordedAt:datetime", now);
                    node("Claim", claimId, c);
                    relationship(label, id, "HAS_CLAIM", "Claim", claimId);
                }
                evidence("Claim", claimId, claim.path("evidence"));
            }
        }

        /** The node's properties, as its write statement sets them, by CSV column. */
        private Map<String, Object> columns(String label, Section section, JsonNode record) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (String column : COLUMNS.get(label)) {
                String property = column.split(":")[0];
                row.put(column, switch (property) {
                    case "recordedAt" -> now;
                    case "searchText" -> SearchText.of(record.path("name").asString(),
                            record.path("aliases").valueStream().map(JsonNode::asString).toList());
                    case "recordCountIsLowerBound", "public" -> record.path(property).asBoolean(false);
                    case "hedges" -> FactWriter.hedges(record);
                    case "kind" -> section == Section.DISPUTES ? record.path("kind").asString("DISAGREEMENT") : value(record.path(property));
                    default -> value(record.path(property));
                });
            }
            return row;
        }

        private void evidence(String factLabel, String factId, JsonNode items) {
            for (JsonNode item : items) {
                String source = item.path("source").asString();
                String quote = item.path("quote").asString();
                String id = FactWriter.evidenceId(factId, source, quote);
                if (evidence.add(id)) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("quote", quote);
                    row.put("check", FactWriter.UNCHECKED);
                    row.put("recordedAt:datetime", now);
                    node("Evidence", id, row);
                    relationship("Evidence", id, "CITES", "Source", source);
                    relationship(factLabel, factId, "SUPPORTED_BY", "Evidence", id);
                }
            }
        }

        /** A dataset's {@code categoriesAbout} by category: the {@code about} of its {@code HAS_CATEGORY} relationships, as write-datasets.cypher sets it. */
        private static Map<String, List<String>> categoriesAbout(JsonNode dataset) {
            Map<String, List<String>> about = new HashMap<>();
            for (JsonNode pair : dataset.path("categoriesAbout")) {
                about.put(pair.path("category").asString(), pair.path("subjectGroups").valueStream().map(JsonNode::asString).toList());
            }
            return about;
        }

        private void node(String label, String id, Map<String, Object> row) {
            nodes++;
            csv.node(label, id, row, this);
        }

        private void relationship(String fromLabel, String from, String type, String toLabel, String to) {
            relationships++;
            csv.relationship(fromLabel, from, type, toLabel, to);
        }

        /** A relationship with the list property {@code about} ({@code null}: none), in a file of its own type. */
        private void relationship(String fromLabel, String from, String type, String toLabel, String to, List<String> about) {
            relationships++;
            csv.relationship(fromLabel, from, type, toLabel, to, about);
        }

        /** A list the CSV cannot carry item by item, set after the import instead. */
        void fix(String label, String id, String property, List<String> value) {
            fixes.add(Map.of("label", label, "id", id, "property", property, "value", value));
        }

        private static Object value(JsonNode node) {
            if (node.isMissingNode() || node.isNull()) {
                return null;
            }
            if (node.isArray()) {
                return node.valueStream().map(JsonNode::asString).toList();
            }
            return node.asString();
        }
    }

    /** The CSV files the importer reads: one per node label, one per pair of labels a relationship joins. */
    private static final class Csv implements AutoCloseable {

        final Path dir;
        final Map<String, Path> nodeFiles = new LinkedHashMap<>();
        final Map<String, Path> relationshipFiles = new LinkedHashMap<>();
        final Map<Path, BufferedWriter> writers = new HashMap<>();
        boolean multiline;

        Csv(Path dir) {
            this.dir = dir;
        }

        void node(String label, String id, Map<String, Object> row, Writer owner) {
            String labels = FACT_LABELS.contains(label) ? label + ":" + Section.FACT : label;
            Path file = nodeFiles.computeIfAbsent(labels, l -> dir.resolve("nodes-" + label + ".csv"));
            StringBuilder line = new StringBuilder();
            if (!writers.containsKey(file)) {
                line.append("id:ID(").append(label).append(')');
                COLUMNS.get(label).forEach(c -> line.append(',').append(c));
                line.append('\n');
            }
            quoted(line, id);
            for (String column : COLUMNS.get(label)) {
                line.append(',');
                Object value = row.get(column);
                if (value instanceof List<?> list) {
                    @SuppressWarnings("unchecked")
                    List<String> items = (List<String>) list;
                    if (items.isEmpty()) {
                        continue; // an empty list: see offline-import-defaults.cypher
                    }
                    if (items.stream().anyMatch(i -> i.isEmpty() || i.indexOf(ARRAY_DELIMITER) >= 0)) {
                        owner.fix(label, id, column.split(":")[0], items);
                        continue;
                    }
                    quoted(line, String.join(String.valueOf(ARRAY_DELIMITER), items));
                }
                else if (value instanceof String text && !column.contains(":")) {
                    quoted(line, text);
                }
                else if (value != null) {
                    line.append(value);
                }
            }
            write(file, line.append('\n'));
        }

        void relationship(String fromLabel, String from, String type, String toLabel, String to) {
            Path file = relationshipFiles.computeIfAbsent(fromLabel + "->" + toLabel,
                    k -> dir.resolve("relationships-" + fromLabel + "-" + toLabel + ".csv"));
            StringBuilder line = new StringBuilder();
            if (!writers.containsKey(file)) {
                line.append(":START_ID(").append(fromLabel).append("),:TYPE,:END_ID(").append(toLabel).append(")\n");
            }
            quoted(line, from);
            line.append(',').append(type).append(',');
            quoted(line, to);
            write(file, line.append('\n'));
        }

        /**
         * A relationship with the list property {@code about}, in a file of its type (its header has the column): an
         * empty field leaves the property out, as {@code SET r.about = null} does. The items are subject groups, which the
         * schema keeps free of control characters, so none is empty or holds the array delimiter.
         */
        void relationship(String fromLabel, String from, String type, String toLabel, String to, List<String> about) {
            Path file = relationshipFiles.computeIfAbsent(fromLabel + "-" + type + "->" + toLabel,
                    k -> dir.resolve("relationships-" + fromLabel + "-" + type + "-" + toLabel + ".csv"));
            StringBuilder line = new StringBuilder();
            if (!writers.containsKey(file)) {
                line.append(":START_ID(").append(fromLabel).append("),:TYPE,:END_ID(").append(toLabel).append("),about:string[]\n");
            }
            quoted(line, from);
            line.append(',').append(type).append(',');
            quoted(line, to);
            line.append(',');
            if (about != null) {
                if (about.isEmpty() || about.stream().anyMatch(i -> i.isEmpty() || i.indexOf(ARRAY_DELIMITER) >= 0)) {
                    throw new IllegalStateException("about " + about + " of " + from + " -" + type + "-> " + to + " cannot go through the importer's CSV");
                }
                quoted(line, String.join(String.valueOf(ARRAY_DELIMITER), about));
            }
            write(file, line.append('\n'));
        }

        private void quoted(StringBuilder line, String text) {
            if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                multiline = true;
            }
            line.append('"').append(text.replace("\"", "\"\"")).append('"');
        }

        private void write(Path file, CharSequence text) {
            try {
                BufferedWriter out = writers.get(file);
                if (out == null) {
                    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                    writers.put(file, out);
                }
                out.append(text);
            }
            catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + file, e);
            }
        }

        @Override
        public void close() {
            for (BufferedWriter out : writers.values()) {
                try {
                    out.close();
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
