package org.datatrail.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/**
 * A date of something that happened cannot be after today; the ends of periods and bounds, and a consent's validity,
 * may lie ahead. Checked by the one validation every write path goes through, with today fixed.
 */
class FutureDatesTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    static final FactValidator VALIDATOR = new FactValidator(() -> TODAY);
    static final Existing KNOWN = new Existing(Map.of("src", "Source", "a", "Organisation", "b", "Organisation", "d", "Dataset", "d0", "Dataset",
            "ico", "Organisation", "marketing", "Purpose", "name", "DataCategory"), Map.of(), Map.of(), Map.of(), Map.of());
    static final List<Map<String, String>> EVIDENCE = List.of(Map.of("source", "src", "quote", "a quote"));

    @Test
    void todayIsAcceptedAndTomorrowIsRefusedNamingTheFieldAndToday() {
        assertThat(problems("transfers", transfer("date", "2026-11-29"))).isEmpty();
        assertThat(problems("transfers", transfer("date", "2026-11-30"))).containsExactly(
                "transfers[0].date: '2026-11-30' is in the future (today is 2026-11-29); the date of something that happened cannot be after today");
    }

    @Test
    void everyDateOfSomethingThatHappenedIsChecked() {
        assertThat(problems("transfers", transfer("earliest", "2030-01-01"))).singleElement().asString().startsWith("transfers[0].earliest: '2030-01-01' is in the future");
        assertThat(problems("sources", Map.of("id", "s2", "title", "A report", "published", "2027-01-01")))
            .singleElement().asString().startsWith("sources[0].published: '2027-01-01' is in the future");
        assertThat(problems("enforcementActions", Map.of("id", "fine", "kind", "FINE", "regulator", "ico", "against", "a", "date", "2027-05-01",
                "evidence", EVIDENCE))).singleElement().asString().startsWith("enforcementActions[0].date: '2027-05-01' is in the future");
        assertThat(problems("datasets", dataset(Map.of("collectedFrom", "2027-01-01")))).singleElement().asString()
            .startsWith("datasets[0].collectedFrom: '2027-01-01' is in the future");
        assertThat(problems("datasets", dataset(Map.of("derivedFrom", List.of(Map.of("source", "d0", "kind", "COPY", "date", "2027-01-01",
                "evidence", EVIDENCE)))))).singleElement().asString().startsWith("datasets[0].derivedFrom[0].date: '2027-01-01' is in the future");
    }

    @Test
    void theEndsOfPeriodsAndBoundsMayLieAhead() {
        assertThat(problems("transfers", transfer("latest", "2030-01-01"))).isEmpty();
        assertThat(problems("datasets", dataset(Map.of("collectedFrom", "2020-01-01", "collectedUntil", "2030-01-01")))).isEmpty();
    }

    private static Map<String, Object> transfer(String field, String date) {
        Map<String, Object> record = new LinkedHashMap<>(Map.of("id", "t", "from", "a", "to", "b", "dataset", "d", "purposes", List.of("marketing"), "evidence", EVIDENCE));
        record.put(field, date);
        return record;
    }

    private static Map<String, Object> dataset(Map<String, Object> extra) {
        Map<String, Object> record = new LinkedHashMap<>(Map.of("id", "d2", "name", "A list", "heldBy", "a", "dataCategories", List.of("name"),
                "subjectGroups", List.of("voters"), "evidence", EVIDENCE));
        record.putAll(extra);
        return record;
    }

    private static List<String> problems(String section, Map<String, Object> record) {
        FactFile file = FactFile.of("test.json", JsonMapper.builder().build().valueToTree(Map.of(section, List.of(record))));
        return VALIDATOR.validate(List.of(file), KNOWN).stream().map(p -> p.location() + ": " + p.message()).toList();
    }
}
