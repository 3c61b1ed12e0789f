package org.datatrail.consent;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.datatrail.consent.ChainFacts.CampaignUse;
import org.datatrail.consent.ChainFacts.ConsentFacts;
import org.datatrail.consent.ChainFacts.DatasetFacts;
import org.datatrail.consent.ChainFacts.Derivation;
import org.datatrail.consent.ChainFacts.DisputeRef;
import org.datatrail.consent.ChainFacts.Hop;
import org.datatrail.consent.ChainFacts.PurposeRef;
import org.neo4j.driver.Value;

/** Reads the facts that consent-facts.cypher gathers ({@code hops}, {@code datasets}, {@code consents}, {@code campaigns}). */
public final class ChainFactsReader {

    private ChainFactsReader() {
    }

    public static ChainFacts read(Value facts) {
        Map<String, DatasetFacts> datasets = new LinkedHashMap<>();
        facts.get("datasets").asList(ChainFactsReader::dataset).forEach(d -> datasets.put(d.id(), d));
        Map<String, ConsentFacts> consents = new LinkedHashMap<>();
        facts.get("consents").asList(ChainFactsReader::consent).forEach(c -> consents.put(c.id(), c));
        return new ChainFacts(facts.get("hops").asList(ChainFactsReader::hop), datasets, consents,
                facts.get("campaigns").asList(ChainFactsReader::campaign));
    }

    private static Hop hop(Value v) {
        return new Hop(v.get("id").asString(), v.get("fromId").asString(), v.get("from").asString(), v.get("to").asString(),
                v.get("dataset").asString(), date(v.get("date")), date(v.get("earliest")), date(v.get("latest")),
                v.get("purposes").asList(ChainFactsReader::purpose), v.get("evidence").asList(Value::asString),
                v.get("disputes").asList(ChainFactsReader::dispute), strings(v.get("hedges")));
    }

    private static DatasetFacts dataset(Value v) {
        Value holder = v.get("holder");
        return new DatasetFacts(v.get("id").asString(), v.get("name").asString(), holder.isNull() ? null : holder.get("id").asString(),
                holder.isNull() ? null : holder.get("name").asString(), date(v.get("collectedFrom")), date(v.get("collectedUntil")),
                v.get("children").asBoolean(), v.get("consents").asList(Value::asString), v.get("derivedFrom").asList(ChainFactsReader::derivation),
                v.get("disputes").asList(ChainFactsReader::dispute), strings(v.get("hedges")));
    }

    private static Derivation derivation(Value v) {
        return new Derivation(v.get("id").asString(), v.get("kind").asString(), date(v.get("date")), v.get("source").asString(),
                v.get("evidence").asList(Value::asString), v.get("disputes").asList(ChainFactsReader::dispute), strings(v.get("hedges")));
    }

    private static ConsentFacts consent(Value v) {
        return new ConsentFacts(v.get("id").asString(), v.get("title").asString(), date(v.get("validFrom")), date(v.get("validUntil")),
                v.get("supersedes").isNull() ? null : v.get("supersedes").asString(), v.get("covers").asList(ChainFactsReader::purpose),
                v.get("evidence").asList(Value::asString), v.get("disputes").asList(ChainFactsReader::dispute));
    }

    private static CampaignUse campaign(Value v) {
        return new CampaignUse(v.get("id").asString(), v.get("name").asString(), v.get("runBy").asString(null), v.get("used").asString(),
                date(v.get("startDate")), date(v.get("endDate")), v.get("purposes").asList(ChainFactsReader::purpose),
                v.get("evidence").asList(Value::asString), v.get("disputes").asList(ChainFactsReader::dispute));
    }

    private static PurposeRef purpose(Value v) {
        return new PurposeRef(v.get("id").asString(), v.get("name").asString());
    }

    private static DisputeRef dispute(Value v) {
        return new DisputeRef(v.get("id").asString(), v.get("field").asString(), v.get("subject").asString());
    }

    private static LocalDate date(Value v) {
        return v.isNull() ? null : v.asLocalDate();
    }

    private static List<String> strings(Value v) {
        return v.isNull() ? List.of() : v.asList(Value::asString);
    }
}
