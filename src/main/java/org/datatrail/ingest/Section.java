package org.datatrail.ingest;

import java.util.List;

/**
 * The sections of a facts file, in the order they are written, with what each record refers to.
 * This one table drives both the cross-reference checks and the writes.
 */
enum Section {

    SOURCES("sources", "Source", "source", false, List.of()),
    PURPOSES("purposes", "Purpose", "purpose", false, List.of(Reference.many("includes", "Purpose"))),
    DATA_CATEGORIES("dataCategories", "DataCategory", "data category", false, List.of()),
    ORGANISATIONS("organisations", "Organisation", "organisation", true, List.of(Reference.one("partOf", "Organisation"))),
    CONSENTS("consents", "Consent", "consent", true,
            List.of(Reference.one("issuedBy", "Organisation"), Reference.many("permittedPurposes", "Purpose"),
                    Reference.one("supersedes", "Consent"))),
    DATASETS("datasets", "Dataset", "dataset", true,
            List.of(Reference.one("heldBy", "Organisation"), Reference.many("dataCategories", "DataCategory"),
                    Reference.many("consents", "Consent"))),
    TRANSFERS("transfers", "Transfer", "transfer", true,
            List.of(Reference.one("from", "Organisation"), Reference.one("to", "Organisation"),
                    Reference.one("dataset", "Dataset"), Reference.many("purposes", "Purpose"),
                    Reference.one("onBehalfOf", "Organisation"))),
    CAMPAIGNS("campaigns", "Campaign", "campaign", true,
            List.of(Reference.one("runBy", "Organisation"), Reference.many("purposes", "Purpose"),
                    Reference.many("datasets", "Dataset"))),
    ENFORCEMENT_ACTIONS("enforcementActions", "EnforcementAction", "enforcement action", true,
            List.of(Reference.one("regulator", "Organisation"), Reference.one("against", "Organisation"))),
    EVENTS("events", "Event", "event", true,
            List.of(Reference.many("organisations", "Organisation"), Reference.many("datasets", "Dataset"))),
    DISPUTES("disputes", "Dispute", "dispute", false, List.of(Reference.one("about", "Fact")));

    /** Label every evidence-bearing node carries; a reference to it accepts any fact. */
    static final String FACT = "Fact";

    final String jsonName;
    final String label;
    final String noun;
    final boolean carriesEvidence;
    final List<Reference> references;

    Section(String jsonName, String label, String noun, boolean carriesEvidence, List<Reference> references) {
        this.jsonName = jsonName;
        this.label = label;
        this.noun = noun;
        this.carriesEvidence = carriesEvidence;
        this.references = references;
    }

    /** A field of a record that names other records by id. */
    record Reference(String field, String targetLabel, boolean many) {
        static Reference one(String field, String targetLabel) {
            return new Reference(field, targetLabel, false);
        }

        static Reference many(String field, String targetLabel) {
            return new Reference(field, targetLabel, true);
        }
    }

    static String withArticle(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    /** Human name of a label, for messages ("organisation"). */
    static String nounOf(String label) {
        if (FACT.equals(label)) {
            return "fact";
        }
        for (Section s : values()) {
            if (s.label.equals(label)) {
                return s.noun;
            }
        }
        return switch (label) {
            case "Claim" -> "claim";
            case FactValidator.DERIVATION -> "derivation";
            default -> label;
        };
    }
}
