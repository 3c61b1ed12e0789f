package org.datatrail.ingest;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.datatrail.campaign.Campaign;
import org.datatrail.consent.Consent;
import org.datatrail.dataset.Dataset;
import org.datatrail.enforcement.EnforcementAction;
import org.datatrail.evidence.Source;
import org.datatrail.organisation.Organisation;
import org.datatrail.security.Caller;
import org.datatrail.system.GraphReads;
import org.datatrail.transfer.Transfer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

import tools.jackson.databind.json.JsonMapper;

/**
 * Investigators' mutations. Each input becomes a one-record facts document and goes through
 * {@link FactIngest}, the seed loader's validation and write path; the answer is the recorded fact as read back.
 */
@Controller
@PreAuthorize("hasAnyRole('INVESTIGATOR', 'ADMIN')")
class FindingsController {

    private final FactIngest ingest;
    private final GraphReads reads;
    private final JsonMapper mapper = JsonMapper.builder().build();

    FindingsController(FactIngest ingest, GraphReads reads) {
        this.ingest = ingest;
        this.reads = reads;
    }

    @MutationMapping
    Source recordSource(@Argument Map<String, Object> input) {
        return record("recordSource", Section.SOURCES, input, Source.class, Source::getId);
    }

    @MutationMapping
    Organisation recordOrganisation(@Argument Map<String, Object> input) {
        return record("recordOrganisation", Section.ORGANISATIONS, input, Organisation.class, Organisation::getId);
    }

    @MutationMapping
    Consent recordConsent(@Argument Map<String, Object> input) {
        return record("recordConsent", Section.CONSENTS, input, Consent.class, Consent::getId);
    }

    @MutationMapping
    Dataset recordDataset(@Argument Map<String, Object> input) {
        return record("recordDataset", Section.DATASETS, input, Dataset.class, Dataset::getId);
    }

    @MutationMapping
    Transfer recordTransfer(@Argument Map<String, Object> input) {
        return record("recordTransfer", Section.TRANSFERS, input, Transfer.class, Transfer::getId);
    }

    @MutationMapping
    Campaign recordCampaign(@Argument Map<String, Object> input) {
        return record("recordCampaign", Section.CAMPAIGNS, input, Campaign.class, Campaign::getId);
    }

    @MutationMapping
    EnforcementAction recordEnforcementAction(@Argument Map<String, Object> input) {
        return record("recordEnforcementAction", Section.ENFORCEMENT_ACTIONS, input, EnforcementAction.class, EnforcementAction::getId);
    }

    private <T> T record(String mutation, Section section, Map<String, Object> input, Class<T> type, Function<T, String> idOf) {
        Map<String, Object> document = Map.of(section.jsonName, List.of(plain(input)));
        ingest.ingest(List.of(FactFile.of("mutation " + mutation, mapper.valueToTree(document))), Caller.current().orElseThrow());
        return reads.load(type, List.of(String.valueOf(input.get("id"))), idOf).getFirst();
    }

    /**
     * The input as JSON-ready values, at every depth (a derivation inside a dataset has dates and optional fields
     * too): dates as ISO strings, nulls dropped (the facts format omits what is unknown).
     */
    private static Map<String, Object> plain(Map<?, ?> input) {
        Map<String, Object> result = new LinkedHashMap<>();
        input.forEach((k, v) -> {
            if (v != null) {
                result.put(String.valueOf(k), plainValue(v));
            }
        });
        return result;
    }

    private static Object plainValue(Object value) {
        return switch (value) {
            case LocalDate date -> date.toString();
            case Map<?, ?> map -> plain(map);
            case List<?> list -> list.stream().filter(java.util.Objects::nonNull).map(FindingsController::plainValue).toList();
            default -> value;
        };
    }
}
