package org.datatrail.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.datatrail.organisation.SearchText;
import org.datatrail.system.CypherResource;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.summary.SummaryCounters;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes validated facts with one batched {@code UNWIND} statement per kind of record, inside the caller's
 * transaction. Writes are idempotent: records are merged on their ids, relationships are made to match the
 * record, and evidence and dispute claims are only ever added. A dataset's derivations are made to match its
 * record too: one it no longer lists is deleted, with the evidence that was its alone.
 */
public final class FactWriter {

    private static final TypeReference<Map<String, Object>> ROW = new TypeReference<>() {
    };

    private static final Map<Section, List<String>> STATEMENTS = new EnumMap<>(Map.ofEntries(
            Map.entry(Section.SOURCES, List.of(query("write-sources.cypher"))),
            Map.entry(Section.PURPOSES, List.of(query("write-purposes.cypher"), query("write-purpose-includes.cypher"))),
            Map.entry(Section.DATA_CATEGORIES, List.of(query("write-data-categories.cypher"))),
            Map.entry(Section.ORGANISATIONS,
                    List.of(query("write-organisations.cypher"), query("write-organisation-parents.cypher"))),
            Map.entry(Section.CONSENTS, List.of(query("write-consents.cypher"), query("write-consent-supersedes.cypher"))),
            Map.entry(Section.DATASETS, List.of(query("write-datasets.cypher"), query("write-derivations.cypher"))),
            Map.entry(Section.TRANSFERS, List.of(query("write-transfers.cypher"))),
            Map.entry(Section.CAMPAIGNS, List.of(query("write-campaigns.cypher"))),
            Map.entry(Section.ENFORCEMENT_ACTIONS, List.of(query("write-enforcement-actions.cypher"))),
            Map.entry(Section.EVENTS, List.of(query("write-events.cypher"))),
            Map.entry(Section.DISPUTES, List.of(query("write-disputes.cypher")))));
    private static final String EVIDENCE = query("write-evidence.cypher");
    private static final Map<String, String> MENTIONS = CypherResource.named(FactWriter.class, "write-organisation-mentions.cypher");

    private final JsonMapper mapper = JsonMapper.builder().build();

    /** What a write changed in the database. */
    public record Changes(int nodesCreated, int nodesDeleted, int relationshipsCreated, int relationshipsDeleted) {

        Changes plus(SummaryCounters c) {
            return new Changes(nodesCreated + c.nodesCreated(), nodesDeleted + c.nodesDeleted(),
                    relationshipsCreated + c.relationshipsCreated(), relationshipsDeleted + c.relationshipsDeleted());
        }
    }

    /** The check of a quote whose source has no document (yet): taken on trust until a document is attached. */
    static final String UNCHECKED = "UNCHECKED";

    /** The check of a quote found in its source's document; its evidence then has offsets and a context. */
    static final String FOUND = "FOUND";

    /**
     * @param documents the attached documents of the cited sources (the validator has made sure every quote citing one
     *        is in it): each such quote's evidence gets its offsets and context
     */
    Changes write(TransactionContext tx, List<FactFile> files, Map<String, SourceText> documents) {
        Map<Section, List<Map<String, Object>>> rows = new EnumMap<>(Section.class);
        List<Map<String, Object>> evidence = new ArrayList<>();
        for (FactFile file : files) {
            FactValidator.forEachRecord(file, (section, index, record) -> {
                rows.computeIfAbsent(section, s -> new ArrayList<>()).add(row(section, record, evidence, documents));
            });
        }
        Changes changes = new Changes(0, 0, 0, 0);
        // Sections in declaration order: everything a record refers to is written before it.
        for (Section section : Section.values()) {
            List<Map<String, Object>> sectionRows = rows.get(section);
            if (sectionRows == null) {
                continue;
            }
            List<String> renamed = section == Section.ORGANISATIONS
                    ? tx.run(MENTIONS.get("renamed"), Map.of("rows", sectionRows)).single().get("ids").asList(v -> v.asString())
                    : List.of();
            for (String statement : STATEMENTS.get(section)) {
                changes = changes.plus(tx.run(statement, Map.of("rows", sectionRows)).consume().counters());
            }
            if (!renamed.isEmpty()) {
                changes = changes.plus(mentions(tx, renamed));
            }
        }
        if (!evidence.isEmpty()) {
            changes = changes.plus(tx.run(EVIDENCE, Map.of("rows", evidence)).consume().counters());
        }
        return changes;
    }

    /**
     * Links the organisations that are new or renamed to the stored passages that name them, as an attach links a new
     * document's passages (see {@code org.datatrail.document.OrganisationNames}): after a new version of the names is
     * set, under its lock, so that an attach running at the same time either reads these names or has its passages
     * seen here. (The version node is bookkeeping: not counted among the changes.)
     */
    private static SummaryCounters mentions(TransactionContext tx, List<String> ids) {
        tx.run(MENTIONS.get("lockNames")).consume();
        return tx.run(MENTIONS.get("mentions"), Map.of("ids", ids)).consume().counters();
    }

    private Map<String, Object> row(Section section, JsonNode record, List<Map<String, Object>> evidence, Map<String, SourceText> documents) {
        Map<String, Object> row = new LinkedHashMap<>(mapper.convertValue(record, ROW));
        String id = record.path("id").asString();
        if (section.carriesEvidence) {
            evidence.add(evidenceRow(id, record.path("evidence"), documents));
            row.put("hedges", hedges(record));
        }
        if (section == Section.ORGANISATIONS) {
            List<String> aliases = record.path("aliases").valueStream().map(JsonNode::asString).toList();
            row.put("searchText", SearchText.of(record.path("name").asString(), aliases));
        }
        if (section == Section.DATASETS) {
            List<Map<String, Object>> derivations = new ArrayList<>();
            FactValidator.forEachDerivation(record, (j, derivation) -> {
                String derivationId = derivationId(id, derivation);
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("id", derivationId);
                d.put("source", derivation.path("source").asString());
                d.put("kind", derivation.path("kind").asString());
                d.put("date", FactValidator.text(derivation, "date"));
                d.put("hedges", hedges(derivation));
                derivations.add(d);
                evidence.add(evidenceRow(derivationId, derivation.path("evidence"), documents));
            });
            row.put("derivedFrom", derivations);
        }
        if (section == Section.DISPUTES) {
            List<Map<String, Object>> claims = new ArrayList<>();
            for (JsonNode claim : record.path("claims")) {
                String claimId = claimId(id, claim.path("value").asString());
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("id", claimId);
                c.put("value", claim.path("value").asString());
                c.put("note", claim.path("note").isString() ? claim.path("note").asString() : null);
                claims.add(c);
                evidence.add(evidenceRow(claimId, claim.path("evidence"), documents));
            }
            row.put("claims", claims);
        }
        return row;
    }

    private static Map<String, Object> evidenceRow(String factId, JsonNode items, Map<String, SourceText> documents) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (JsonNode item : items) {
            String source = item.path("source").asString();
            String quote = item.path("quote").asString();
            Map<String, Object> row = new HashMap<>(Map.of("id", evidenceId(factId, source, quote), "source", source, "quote", quote,
                    "check", UNCHECKED));
            SourceText document = documents.get(source);
            SourceText.Location at = document == null ? null : document.locate(quote).orElse(null);
            if (at != null) {
                row.putAll(Map.of("check", FOUND, "start", at.start(), "end", at.end(), "context", at.context()));
            }
            list.add(row);
        }
        return Map.of("factId", factId, "evidence", list);
    }

    /**
     * The hedges of a record (or of a derivation) as the graph stores them: {@code "<field>: <wording>"}, in the order
     * given; {@code null} when there are none, so that a record without hedges has no {@code hedges} property at all.
     */
    static List<String> hedges(JsonNode holder) {
        List<String> hedges = holder.path("hedges").valueStream()
            .map(h -> h.path("field").asString() + ": " + h.path("wording").asString())
            .toList();
        return hedges.isEmpty() ? null : hedges;
    }

    /**
     * Id of a derivation whose record gives none: derived from the dataset and its source, so the same derivation
     * recorded again is the same node.
     */
    static String derivationId(String datasetId, String sourceId) {
        return "derivation-" + digest(datasetId, sourceId).substring(0, 20);
    }

    /** Id of a derivation of {@code datasetId}: its own, or {@link #derivationId(String, String)}; null without a source. */
    static String derivationId(String datasetId, JsonNode derivation) {
        if (derivation.path("id").isString()) {
            return derivation.path("id").asString();
        }
        String source = FactValidator.text(derivation, "source");
        return datasetId == null || source == null ? null : derivationId(datasetId, source);
    }

    /** Id of a dispute's claim: the same claim recorded again is the same node. */
    static String claimId(String disputeId, String value) {
        return "claim-" + digest(disputeId, value).substring(0, 20);
    }

    /** Id of a piece of evidence: derived from fact, source and (normalised) quote, so a quote recorded twice is one node. */
    static String evidenceId(String factId, String source, String quote) {
        return "ev-" + digest(factId, source, Quotes.normalise(quote)).substring(0, 24);
    }

    private static String digest(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String query(String file) {
        return CypherResource.load(FactWriter.class, file);
    }
}
