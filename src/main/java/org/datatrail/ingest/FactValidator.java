package org.datatrail.ingest;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

/**
 * Checks facts files before anything is written: each file against the JSON Schema, then the whole set
 * for what a schema cannot say (unique ids, references that resolve in the input or the database, real
 * calendar dates in a possible order, a transfer that goes somewhere, hedges quoted from the evidence,
 * quotes found in their source's attached document, lineage and consent versions without cycles). Returns every
 * problem at once.
 */
final class FactValidator {

    private static final List<String> DATE_FIELDS = List.of("date", "published", "startDate", "endDate", "collectedFrom", "collectedUntil",
            "earliest", "latest", "validFrom", "validUntil");

    /**
     * The dates of things that happened (a transfer, a derivation, an enforcement action, an event, a publication, the
     * start of a campaign or of a collection, the earliest a transfer can have been): none can be later than today. The
     * ends of periods and bounds ({@code latest}, {@code endDate}, {@code collectedUntil}) and a consent's validity may
     * lie ahead.
     */
    private static final List<String> HAPPENED = List.of("date", "published", "startDate", "collectedFrom", "earliest");

    /**
     * Today as the latest time zone has it (UTC+14): a date that is today anywhere on Earth is not in the future, so an
     * investigator in Kiribati can record what happened this morning.
     */
    private final Supplier<LocalDate> today;

    /** Each kind of record's period: its second date may not be before its first. */
    private static final Map<Section, List<String>> PERIODS = Map.of(Section.DATASETS, List.of("collectedFrom", "collectedUntil"),
            Section.TRANSFERS, List.of("earliest", "latest"), Section.CONSENTS, List.of("validFrom", "validUntil"));

    /** The kind of record a derivation is (its node's main label). */
    static final String DERIVATION = "Derivation";

    private final FactSchema schema = new FactSchema();
    private final Map<Section, Set<String>> hedgeable = new EnumMap<>(Section.class);
    private final Set<String> derivationHedgeable = schema.hedgeableDerivationFields();

    FactValidator() {
        this(() -> LocalDate.now(ZoneOffset.ofHours(14)));
    }

    /** With {@code today} given, for tests. */
    FactValidator(Supplier<LocalDate> today) {
        this.today = today;
        for (Section section : Section.values()) {
            if (section.carriesEvidence) {
                hedgeable.put(section, schema.hedgeableFields(section));
            }
        }
    }

    /** Where a problem is: a record of a file, by section and index, with the record's id when it has one. */
    record Where(FactFile file, Section section, int index, String id) {

        Problem problem(String field, String message) {
            return new Problem(file.name(), section.jsonName + "[" + index + "]." + field, id, message);
        }
    }

    /** One validation's state: what the input defines (id to kind) and what was already recorded. */
    private record Context(Map<String, String> defined, Existing existing, List<Problem> problems) {
    }

    /**
     * @param files the input
     * @param existing what is already recorded (only what the input mentions need be present)
     */
    List<Problem> validate(List<FactFile> files, Existing existing) {
        List<Problem> problems = new ArrayList<>();
        for (FactFile file : files) {
            if (file.content() == null) {
                problems.add(new Problem(file.name(), "", null, "not valid JSON: " + file.parseError()));
            }
            else {
                problems.addAll(schema.check(file));
            }
        }
        Context cx = new Context(new HashMap<>(), existing, problems);
        Map<String, String> definedWhere = new HashMap<>();
        for (FactFile file : files) {
            forEachRecord(file, (section, index, record) -> {
                String id = text(record, "id");
                if (id == null) {
                    return;
                }
                Where where = new Where(file, section, index, id);
                define(cx, definedWhere, where, "", id, section.label, section.noun);
                if (section != Section.DATASETS) {
                    return;
                }
                forEachDerivation(record, (j, derivation) -> {
                    String derivationId = FactWriter.derivationId(id, derivation);
                    boolean derived = !derivation.path("id").isString();
                    if (derivationId == null || (derived && cx.defined().containsKey(derivationId))) {
                        return; // no source, or the same source twice: the source's own checks say so
                    }
                    String prefix = "derivedFrom[" + j + "].";
                    define(cx, definedWhere, where, prefix, derivationId, DERIVATION, "derivation");
                    String into = existing.derivationInto().get(derivationId);
                    if (into != null && !into.equals(id)) {
                        problems.add(where.problem(prefix + "id", "'" + derivationId + "' already names the derivation of dataset '" + into
                                + "' in the database; a derivation belongs to one dataset, so this one needs an id of its own"));
                    }
                });
            });
        }
        for (FactFile file : files) {
            forEachRecord(file, (section, index, record) -> checkRecord(cx, new Where(file, section, index, text(record, "id")), record));
        }
        problems.addAll(LineageCycles.find(files, cx.defined(), existing));
        return problems;
    }

    /** An id defined once in the input, and not already the id of another kind of record. */
    private static void define(Context cx, Map<String, String> definedWhere, Where where, String prefix, String id, String label, String noun) {
        String previous = definedWhere.putIfAbsent(id, where.file().name() + ": " + where.section().jsonName + "[" + where.index() + "]"
                + (prefix.isEmpty() ? "" : "." + prefix.substring(0, prefix.length() - 1)));
        if (previous != null) {
            cx.problems().add(where.problem(prefix + "id", "id is used twice (also at " + previous + "); ids must be unique across all kinds of record"));
            return;
        }
        cx.defined().put(id, label);
        String inDatabase = cx.existing().kinds().get(id);
        if (inDatabase != null && !inDatabase.equals(label)) {
            cx.problems().add(where.problem(prefix + "id", "id already names " + Section.withArticle(Section.nounOf(inDatabase))
                    + " in the database; " + Section.withArticle(noun) + " needs an id of its own"));
        }
    }

    private void checkRecord(Context cx, Where where, JsonNode record) {
        Section section = where.section();
        for (Section.Reference ref : section.references) {
            JsonNode value = record.path(ref.field());
            List<JsonNode> targets = ref.many() && value.isArray() ? value.valueStream().toList() : List.of(value);
            for (JsonNode target : targets) {
                if (target.isString()) {
                    checkReference(cx, where, ref.field(), target.asString(), ref.targetLabel());
                }
            }
        }
        for (String field : DATE_FIELDS) {
            checkCalendarDate(cx, where, field, text(record, field));
        }
        for (String field : HAPPENED) {
            checkNotFuture(cx, where, field, text(record, field));
        }
        List<String> period = PERIODS.get(section);
        if (period != null) {
            checkNotBefore(cx, where, record, period.get(0), period.get(1));
        }
        if (section == Section.TRANSFERS) {
            checkNotBefore(cx, where, record, "earliest", "date");
            checkNotBefore(cx, where, record, "date", "latest");
        }
        if (section.carriesEvidence) {
            checkHedges(cx, where, "", record, hedgeable.get(section));
        }
        if (section == Section.DATASETS) {
            checkDerivations(cx, where, record);
            checkCategoriesAbout(cx, where, record);
        }
        forEachEvidence(record, (path, evidence) -> checkQuote(cx, where, record, path, evidence));
        if (section == Section.CONSENTS && where.id() != null && where.id().equals(text(record, "supersedes"))) {
            cx.problems().add(where.problem("supersedes", "a consent cannot supersede itself; expected the id of the version it replaced"));
        }
        if (section == Section.TRANSFERS && text(record, "from") != null && text(record, "from").equals(text(record, "to"))) {
            cx.problems().add(where.problem("to", "a transfer goes from one organisation to another; 'to' equals 'from'"));
        }
        if (section == Section.CAMPAIGNS && text(record, "startDate") != null && text(record, "endDate") != null
                && text(record, "endDate").compareTo(text(record, "startDate")) < 0) {
            cx.problems().add(where.problem("endDate", "ends before it starts (startDate " + text(record, "startDate") + ")"));
        }
        if (section == Section.DISPUTES && "DISAGREEMENT".equals(text(record, "kind"))) {
            Set<String> values = new HashSet<>();
            record.path("claims").valueStream().forEach(c -> values.add(c.path("value").asString("")));
            if (values.size() < 2) {
                cx.problems().add(where.problem("claims", "a DISAGREEMENT needs at least two claims with different values"));
            }
        }
        forEachEvidence(record, (path, evidence) -> {
            String source = text(evidence, "source");
            if (source != null) {
                checkReference(cx, where, path + ".source", source, "Source");
            }
        });
    }

    /** A dataset's derivations: each from another dataset, each source once; their dates and hedges as for any fact. */
    private void checkDerivations(Context cx, Where where, JsonNode dataset) {
        Set<String> sources = new HashSet<>();
        forEachDerivation(dataset, (j, derivation) -> {
            String prefix = "derivedFrom[" + j + "].";
            String source = text(derivation, "source");
            if (source != null && source.equals(where.id())) {
                cx.problems().add(where.problem(prefix + "source", "a dataset cannot be derived from itself; expected the id of another dataset"));
            }
            else if (source != null && !sources.add(source)) {
                cx.problems().add(where.problem(prefix + "source", "'" + source + "' is already a source of this dataset; list each source "
                        + "once (a MERGE has one derivation per dataset merged)"));
            }
            else if (source != null) {
                checkReference(cx, where, prefix + "source", source, "Dataset");
            }
            checkCalendarDate(cx, where, prefix + "date", text(derivation, "date"));
            checkNotFuture(cx, where, prefix + "date", text(derivation, "date"));
            checkHedges(cx, where, prefix, derivation, derivationHedgeable);
        });
    }

    /**
     * A dataset's pairings of data categories with subject groups ({@code categoriesAbout}) use only its own categories and
     * groups, each category once: a pairing is a claim about this dataset's data, so it cannot name what the dataset does
     * not hold or whom it is not about, and a category listed twice would leave which list holds unclear. (An empty list of
     * groups is the schema's refusal: {@code minItems}.)
     */
    private static void checkCategoriesAbout(Context cx, Where where, JsonNode dataset) {
        JsonNode pairs = dataset.path("categoriesAbout");
        List<String> categories = texts(dataset.path("dataCategories"));
        List<String> groups = texts(dataset.path("subjectGroups"));
        Map<String, Integer> paired = new HashMap<>();
        for (int i = 0; i < pairs.size(); i++) {
            JsonNode pair = pairs.get(i);
            String prefix = "categoriesAbout[" + i + "].";
            String category = text(pair, "category");
            if (category != null && !categories.contains(category)) {
                cx.problems().add(where.problem(prefix + "category", "'" + category + "' is not one of this dataset's dataCategories; expected one of "
                        + String.join(", ", categories)));
            }
            else if (category != null && paired.putIfAbsent(category, i) != null) {
                cx.problems().add(where.problem(prefix + "category", "'" + category + "' is already paired at categoriesAbout[" + paired.get(category)
                        + "]; list each category once, with every group it is about"));
            }
            JsonNode about = pair.path("subjectGroups");
            for (int k = 0; k < about.size(); k++) {
                String group = about.get(k).isString() ? about.get(k).asString() : null;
                if (group != null && !groups.contains(group)) {
                    cx.problems().add(where.problem(prefix + "subjectGroups[" + k + "]", "'" + group + "' is not one of this dataset's subjectGroups; "
                            + "expected one of " + groups.stream().map(g -> "'" + g + "'").collect(java.util.stream.Collectors.joining(", "))));
                }
            }
        }
    }

    private static List<String> texts(JsonNode array) {
        return array.valueStream().filter(JsonNode::isString).map(JsonNode::asString).toList();
    }

    /** A date of something that happened, after today: a typo (2071 for 2017) or a guess, never a fact. */
    private void checkNotFuture(Context cx, Where where, String field, String date) {
        LocalDate day = calendarDate(date);
        LocalDate now = today.get();
        if (day != null && day.isAfter(now)) {
            cx.problems().add(where.problem(field, "'" + date + "' is in the future (today is " + now + "); the date of something that "
                    + "happened cannot be after today"));
        }
    }

    private static void checkCalendarDate(Context cx, Where where, String field, String date) {
        if (date != null && date.matches("\\d{4}-\\d{2}-\\d{2}") && calendarDate(date) == null) {
            cx.problems().add(where.problem(field, "'" + date + "' is not a calendar date; expected YYYY-MM-DD"));
        }
    }

    /**
     * Two dates of one record in the wrong order. The problem is on the end of a period ({@code latest},
     * {@code validUntil}, {@code collectedUntil}), or on a transfer's {@code date} when it lies outside its bounds.
     */
    private static void checkNotBefore(Context cx, Where where, JsonNode record, String first, String second) {
        LocalDate from = calendarDate(text(record, first));
        LocalDate until = calendarDate(text(record, second));
        if (from == null || until == null || !until.isBefore(from)) {
            return;
        }
        String bounds = "; a transfer's date must lie within its earliest and latest bounds";
        if (first.equals("date")) {
            cx.problems().add(where.problem("date", "date " + from + " is after " + second + " " + until + bounds));
        }
        else if (second.equals("date")) {
            cx.problems().add(where.problem("date", "date " + until + " is before " + first + " " + from + bounds));
        }
        else {
            cx.problems().add(where.problem(second,
                    second + " " + until + " is before " + first + " " + from + "; expected " + second + " on or after " + first));
        }
    }

    /**
     * A hedge names a field of its record and quotes the hedging words from the record's own evidence: a hedge is
     * what a source says, never the recorder's own doubt.
     *
     * @param prefix where the hedges are inside the record ({@code ""}, or e.g. {@code "derivedFrom[1]."})
     * @param holder the record (or the derivation) that has the hedges and the evidence they quote
     */
    private static void checkHedges(Context cx, Where where, String prefix, JsonNode holder, Set<String> fields) {
        JsonNode hedges = holder.path("hedges");
        List<String> quotes = holder.path("evidence").valueStream().map(e -> e.path("quote")).filter(JsonNode::isString)
            .map(q -> Quotes.normalise(q.asString())).toList();
        String noun = prefix.isEmpty() ? where.section().noun : "derivation";
        for (int i = 0; i < hedges.size(); i++) {
            String field = text(hedges.get(i), "field");
            if (field != null && !fields.contains(field)) {
                cx.problems().add(where.problem(prefix + "hedges[" + i + "].field",
                        "'" + field + "' is not a field of " + Section.withArticle(noun) + "; expected one of " + String.join(", ", fields)));
            }
            String wording = text(hedges.get(i), "wording");
            if (wording != null && quotes.stream().noneMatch(q -> q.contains(Quotes.normalise(wording)))) {
                cx.problems().add(where.problem(prefix + "hedges[" + i + "].wording", "'" + wording + "' is not in any of the evidence quotes "
                        + "of this " + noun + "; the hedging words must be quoted in the record's evidence"));
            }
        }
    }

    /**
     * A quote citing a source that has a document must be in that document (by the {@link Quotes} rule); the refusal
     * names the fact, the source and the quote, and suggests the passage of the document most like it.
     */
    private static void checkQuote(Context cx, Where where, JsonNode record, String path, JsonNode evidence) {
        String source = text(evidence, "source");
        String quote = text(evidence, "quote");
        SourceText document = source == null ? null : cx.existing().documents().get(source);
        if (document == null || quote == null || document.locate(quote).isPresent()) {
            return;
        }
        String closest = document.closest(quote);
        cx.problems().add(where.problem(path + ".quote", "the quote \"" + quote + "\" of " + factOf(where, record, path)
                + " is not in the document attached to source '" + source + "' (typographic quotes and whitespace aside)"
                + (closest == null ? "; no passage of it shares a word with the quote" : "; did you mean: \"" + closest + "\"?")));
    }

    /** The fact a piece of evidence supports, in words: the record, one of its derivations, or one of its dispute's claims. */
    private static String factOf(Where where, JsonNode record, String path) {
        String id = where.id() == null ? "" : " '" + where.id() + "'";
        int close = path.indexOf(']');
        if (path.startsWith("claims[")) {
            JsonNode claim = record.path("claims").path(Integer.parseInt(path.substring("claims[".length(), close)));
            return "claim '" + claim.path("value").asString("") + "' of dispute" + id;
        }
        if (path.startsWith("derivedFrom[")) {
            JsonNode derivation = record.path("derivedFrom").path(Integer.parseInt(path.substring("derivedFrom[".length(), close)));
            return "the derivation of dataset" + id + " from '" + derivation.path("source").asString("") + "'";
        }
        return where.section().noun + id;
    }

    private static void checkReference(Context cx, Where where, String field, String target, String label) {
        String found = cx.defined().containsKey(target) ? cx.defined().get(target) : cx.existing().kinds().get(target);
        boolean ok = found != null && (found.equals(label) || (Section.FACT.equals(label) && isFact(found)));
        if (!ok) {
            String noun = Section.nounOf(label);
            String why = found == null ? "unknown " + noun + " '" + target + "'"
                    : "'" + target + "' is " + Section.withArticle(Section.nounOf(found)) + ", not " + Section.withArticle(noun);
            cx.problems().add(where.problem(field,
                    why + "; expected the id of " + Section.withArticle(noun) + " defined in the input or already in the database"));
        }
    }

    private static boolean isFact(String label) {
        for (Section s : Section.values()) {
            if (s.label.equals(label)) {
                return s.carriesEvidence;
            }
        }
        return "Claim".equals(label) || DERIVATION.equals(label);
    }

    /** Every id the input mentions (defines or refers to), to look up in the database in one query. */
    static Set<String> mentionedIds(List<FactFile> files) {
        Set<String> ids = new HashSet<>();
        for (FactFile file : files) {
            forEachRecord(file, (section, index, record) -> {
                addIfText(ids, record.path("id"));
                for (Section.Reference ref : section.references) {
                    JsonNode value = record.path(ref.field());
                    if (value.isArray()) {
                        value.valueStream().forEach(v -> addIfText(ids, v));
                    }
                    else {
                        addIfText(ids, value);
                    }
                }
                forEachDerivation(record, (j, derivation) -> {
                    addIfText(ids, derivation.path("source"));
                    String derivationId = FactWriter.derivationId(text(record, "id"), derivation);
                    if (derivationId != null) {
                        ids.add(derivationId);
                    }
                });
                forEachEvidence(record, (path, evidence) -> addIfText(ids, evidence.path("source")));
            });
        }
        return ids;
    }

    /** The sources the input's evidence cites: their documents are what the quotes are checked against. */
    static Set<String> citedSources(List<FactFile> files) {
        Set<String> sources = new HashSet<>();
        for (FactFile file : files) {
            forEachRecord(file, (section, index, record) -> forEachEvidence(record, (path, evidence) -> addIfText(sources, evidence.path("source"))));
        }
        return sources;
    }

    /** The datasets the input derives datasets from: the lineage above them is what a new derivation could close into a cycle. */
    static Set<String> derivationSources(List<FactFile> files) {
        Set<String> sources = new HashSet<>();
        for (FactFile file : files) {
            forEachRecord(file, (section, index, record) -> forEachDerivation(record, (j, derivation) -> addIfText(sources, derivation.path("source"))));
        }
        return sources;
    }

    /** The consents the input says are superseded: the chains of versions below them are what a new one could close into a cycle. */
    static Set<String> supersededConsents(List<FactFile> files) {
        Set<String> consents = new HashSet<>();
        for (FactFile file : files) {
            forEachRecord(file, (section, index, record) -> {
                if (section == Section.CONSENTS) {
                    addIfText(consents, record.path("supersedes"));
                }
            });
        }
        return consents;
    }

    interface RecordVisitor {
        void visit(Section section, int index, JsonNode record);
    }

    interface DerivationVisitor {
        void visit(int index, JsonNode derivation);
    }

    interface EvidenceVisitor {
        void visit(String path, JsonNode evidence);
    }

    static void forEachRecord(FactFile file, RecordVisitor visitor) {
        if (file.content() == null || !file.content().isObject()) {
            return;
        }
        for (Section section : Section.values()) {
            JsonNode records = file.content().path(section.jsonName);
            if (records.isArray()) {
                for (int i = 0; i < records.size(); i++) {
                    if (records.get(i).isObject()) {
                        visitor.visit(section, i, records.get(i));
                    }
                }
            }
        }
    }

    /** The derivations of a dataset record ({@code derivedFrom}); none for any other record. */
    static void forEachDerivation(JsonNode record, DerivationVisitor visitor) {
        JsonNode derivations = record.path("derivedFrom");
        for (int j = 0; j < derivations.size(); j++) {
            if (derivations.get(j).isObject()) {
                visitor.visit(j, derivations.get(j));
            }
        }
    }

    /** Every piece of evidence in a record: its own, its dispute claims', its derivations'. */
    static void forEachEvidence(JsonNode record, EvidenceVisitor visitor) {
        JsonNode evidence = record.path("evidence");
        for (int i = 0; i < evidence.size(); i++) {
            visitor.visit("evidence[" + i + "]", evidence.get(i));
        }
        for (String nested : List.of("claims", "derivedFrom")) {
            JsonNode parts = record.path(nested);
            for (int c = 0; c < parts.size(); c++) {
                JsonNode partEvidence = parts.get(c).path("evidence");
                for (int i = 0; i < partEvidence.size(); i++) {
                    visitor.visit(nested + "[" + c + "].evidence[" + i + "]", partEvidence.get(i));
                }
            }
        }
    }

    private static void addIfText(Set<String> ids, JsonNode node) {
        if (node.isString()) {
            ids.add(node.asString());
        }
    }

    /** The date, or {@code null} when there is none or it is not a real calendar date. */
    private static LocalDate calendarDate(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        }
        catch (DateTimeParseException e) {
            return null;
        }
    }

    static String text(JsonNode record, String field) {
        JsonNode node = record.path(field);
        return node.isString() ? node.asString() : null;
    }
}
