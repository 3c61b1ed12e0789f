package org.datatrail.ingest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Checks facts files before anything is written: each file against the JSON Schema, then the whole set
 * for what a schema cannot say (unique ids, references that resolve in the input or the database, real
 * calendar dates in a possible order, a transfer that goes somewhere, hedges quoted from the evidence).
 * Returns every problem at once.
 */
final class FactValidator {

    private static final List<String> DATE_FIELDS = List.of("date", "published", "startDate", "endDate", "collectedFrom", "collectedUntil",
            "earliest", "latest", "validFrom", "validUntil");

    /** Each kind of record's period: its second date may not be before its first. */
    private static final Map<Section, List<String>> PERIODS = Map.of(Section.DATASETS, List.of("collectedFrom", "collectedUntil"),
            Section.TRANSFERS, List.of("earliest", "latest"), Section.CONSENTS, List.of("validFrom", "validUntil"));

    private final FactSchema schema = new FactSchema();
    private final Map<Section, Set<String>> hedgeable = new EnumMap<>(Section.class);

    FactValidator() {
        for (Section section : Section.values()) {
            if (section.carriesEvidence) {
                hedgeable.put(section, schema.hedgeableFields(section));
            }
        }
    }

    /**
     * @param files the input
     * @param existing label of each id already in the database (only ids the input mentions need be present)
     */
    List<Problem> validate(List<FactFile> files, Map<String, String> existing) {
        List<Problem> problems = new ArrayList<>();
        for (FactFile file : files) {
            if (file.content() == null) {
                problems.add(new Problem(file.name(), "", null, "not valid JSON: " + file.parseError()));
            }
            else {
                problems.addAll(schema.check(file));
            }
        }
        Map<String, String> defined = new HashMap<>();
        Map<String, String> definedWhere = new HashMap<>();
        for (FactFile file : files) {
            forEachRecord(file, (section, index, record) -> {
                String id = text(record, "id");
                if (id == null) {
                    return;
                }
                String where = file.name() + ": " + section.jsonName + "[" + index + "]";
                String previous = definedWhere.putIfAbsent(id, where);
                if (previous != null) {
                    problems.add(problem(file, section, index, "id", id,
                            "id is used twice (also at " + previous + "); ids must be unique across all kinds of record"));
                    return;
                }
                defined.put(id, section.label);
                String inDatabase = existing.get(id);
                if (inDatabase != null && !inDatabase.equals(section.label)) {
                    problems.add(problem(file, section, index, "id", id, "id already names " + Section.withArticle(Section.nounOf(inDatabase))
                            + " in the database; " + Section.withArticle(section.noun) + " needs an id of its own"));
                }
            });
        }
        for (FactFile file : files) {
            forEachRecord(file, (section, index, record) -> checkRecord(file, section, index, record, defined, existing, problems));
        }
        return problems;
    }

    private void checkRecord(FactFile file, Section section, int index, JsonNode record, Map<String, String> defined,
            Map<String, String> existing, List<Problem> problems) {
        String id = text(record, "id");
        for (Section.Reference ref : section.references) {
            JsonNode value = record.path(ref.field());
            List<JsonNode> targets = ref.many() && value.isArray() ? value.valueStream().toList() : List.of(value);
            for (JsonNode target : targets) {
                if (target.isString()) {
                    checkReference(file, section, index, id, ref.field(), target.asString(), ref.targetLabel(), defined,
                            existing, problems);
                }
            }
        }
        for (String field : DATE_FIELDS) {
            checkCalendarDate(file, section, index, id, field, text(record, field), problems);
        }
        List<String> period = PERIODS.get(section);
        if (period != null) {
            checkNotBefore(file, section, index, id, record, period.get(0), period.get(1), problems);
        }
        if (section == Section.TRANSFERS) {
            checkNotBefore(file, section, index, id, record, "earliest", "date", problems);
            checkNotBefore(file, section, index, id, record, "date", "latest", problems);
        }
        if (section.carriesEvidence) {
            checkHedges(file, section, index, id, "", record, hedgeable.get(section), problems);
        }
        if (section == Section.TRANSFERS && text(record, "from") != null && text(record, "from").equals(text(record, "to"))) {
            problems.add(problem(file, section, index, "to", id, "a transfer goes from one organisation to another; 'to' equals 'from'"));
        }
        if (section == Section.CAMPAIGNS && text(record, "startDate") != null && text(record, "endDate") != null
                && text(record, "endDate").compareTo(text(record, "startDate")) < 0) {
            problems.add(problem(file, section, index, "endDate", id, "ends before it starts (startDate " + text(record, "startDate") + ")"));
        }
        if (section == Section.DISPUTES && "DISAGREEMENT".equals(text(record, "kind"))) {
            Set<String> values = new HashSet<>();
            record.path("claims").valueStream().forEach(c -> values.add(c.path("value").asString("")));
            if (values.size() < 2) {
                problems.add(problem(file, section, index, "claims", id,
                        "a DISAGREEMENT needs at least two claims with different values"));
            }
        }
        forEachEvidence(record, (path, evidence) -> {
            String source = text(evidence, "source");
            if (source != null) {
                checkReference(file, section, index, id, path + ".source", source, "Source", defined, existing, problems);
            }
        });
    }

    private static void checkCalendarDate(FactFile file, Section section, int index, String id, String field, String date,
            List<Problem> problems) {
        if (date != null && date.matches("\\d{4}-\\d{2}-\\d{2}") && calendarDate(date) == null) {
            problems.add(problem(file, section, index, field, id, "'" + date + "' is not a calendar date; expected YYYY-MM-DD"));
        }
    }

    /**
     * Two dates of one record in the wrong order. The problem is on the end of a period ({@code latest},
     * {@code validUntil}, {@code collectedUntil}), or on a transfer's {@code date} when it lies outside its bounds.
     */
    private static void checkNotBefore(FactFile file, Section section, int index, String id, JsonNode record, String first,
            String second, List<Problem> problems) {
        LocalDate from = calendarDate(text(record, first));
        LocalDate until = calendarDate(text(record, second));
        if (from == null || until == null || !until.isBefore(from)) {
            return;
        }
        String bounds = "; a transfer's date must lie within its earliest and latest bounds";
        if (first.equals("date")) {
            problems.add(problem(file, section, index, "date", id, "date " + from + " is after " + second + " " + until + bounds));
        }
        else if (second.equals("date")) {
            problems.add(problem(file, section, index, "date", id, "date " + until + " is before " + first + " " + from + bounds));
        }
        else {
            problems.add(problem(file, section, index, second, id,
                    second + " " + until + " is before " + first + " " + from + "; expected " + second + " on or after " + first));
        }
    }

    /**
     * A hedge names a field of its record and quotes the hedging words from the record's own evidence: a hedge is
     * what a source says, never the recorder's own doubt.
     *
     * @param prefix where the hedges are inside the record ({@code ""}, or e.g. {@code "derivedFrom[1]."})
     * @param holder the record (or the part of it) that has the hedges and the evidence they quote
     */
    private static void checkHedges(FactFile file, Section section, int index, String id, String prefix, JsonNode holder,
            Set<String> fields, List<Problem> problems) {
        JsonNode hedges = holder.path("hedges");
        List<String> quotes = holder.path("evidence").valueStream().map(e -> e.path("quote")).filter(JsonNode::isString)
            .map(q -> Quotes.normalise(q.asString())).toList();
        String what = prefix.isEmpty() ? Section.withArticle(section.noun) : "a derivation";
        for (int i = 0; i < hedges.size(); i++) {
            String field = text(hedges.get(i), "field");
            if (field != null && !fields.contains(field)) {
                problems.add(problem(file, section, index, prefix + "hedges[" + i + "].field", id,
                        "'" + field + "' is not a field of " + what + "; expected one of " + String.join(", ", fields)));
            }
            String wording = text(hedges.get(i), "wording");
            if (wording != null && quotes.stream().noneMatch(q -> q.contains(Quotes.normalise(wording)))) {
                problems.add(problem(file, section, index, prefix + "hedges[" + i + "].wording", id, "'" + wording
                        + "' is not in any of the evidence quotes of this " + (prefix.isEmpty() ? section.noun : "derivation")
                        + "; the hedging words must be quoted in the record's evidence"));
            }
        }
    }

    private static void checkReference(FactFile file, Section section, int index, String id, String field, String target,
            String label, Map<String, String> defined, Map<String, String> existing, List<Problem> problems) {
        String found = defined.containsKey(target) ? defined.get(target) : existing.get(target);
        boolean ok = found != null && (found.equals(label) || (Section.FACT.equals(label) && isFact(found)));
        if (!ok) {
            String noun = Section.nounOf(label);
            String why = found == null ? "unknown " + noun + " '" + target + "'"
                    : "'" + target + "' is " + Section.withArticle(Section.nounOf(found)) + ", not " + Section.withArticle(noun);
            problems.add(problem(file, section, index, field, id,
                    why + "; expected the id of " + Section.withArticle(noun) + " defined in the input or already in the database"));
        }
    }

    private static boolean isFact(String label) {
        for (Section s : Section.values()) {
            if (s.label.equals(label)) {
                return s.carriesEvidence;
            }
        }
        return "Claim".equals(label);
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
                forEachEvidence(record, (path, evidence) -> addIfText(ids, evidence.path("source")));
            });
        }
        return ids;
    }

    interface RecordVisitor {
        void visit(Section section, int index, JsonNode record);
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

    static void forEachEvidence(JsonNode record, EvidenceVisitor visitor) {
        JsonNode evidence = record.path("evidence");
        for (int i = 0; i < evidence.size(); i++) {
            visitor.visit("evidence[" + i + "]", evidence.get(i));
        }
        JsonNode claims = record.path("claims");
        for (int c = 0; c < claims.size(); c++) {
            JsonNode claimEvidence = claims.get(c).path("evidence");
            for (int i = 0; i < claimEvidence.size(); i++) {
                visitor.visit("claims[" + c + "].evidence[" + i + "]", claimEvidence.get(i));
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

    private static String text(JsonNode record, String field) {
        JsonNode node = record.path(field);
        return node.isString() ? node.asString() : null;
    }

    private static Problem problem(FactFile file, Section section, int index, String field, String id, String message) {
        return new Problem(file.name(), section.jsonName + "[" + index + "]." + field, id, message);
    }
}
