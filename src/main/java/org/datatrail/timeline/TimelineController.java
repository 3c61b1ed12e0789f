package org.datatrail.timeline;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.datatrail.organisation.Organisation;
import org.datatrail.organisation.Suggestions;
import org.datatrail.system.BadArgumentException;
import org.datatrail.system.CypherResource;
import org.datatrail.system.GraphReads;
import org.datatrail.system.NotFoundException;
import org.datatrail.system.Pages;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Query.timeline and the organisations of its entries. */
@Controller
class TimelineController {

    private static final Map<String, String> QUERIES = CypherResource.named(TimelineController.class, "queries.cypher");

    private final GraphReads reads;

    TimelineController(GraphReads reads) {
        this.reads = reads;
    }

    @QueryMapping
    List<TimelineEntry> timeline(@Argument List<String> organisations, @Argument Integer first) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(organisations));
        if (ids.isEmpty() || ids.size() > Pages.MAX_FIRST) {
            throw new BadArgumentException("organisations", "must name 1 to " + Pages.MAX_FIRST + " organisations, named " + ids.size());
        }
        int size = Pages.first(first, 100);
        List<String> known = reads.rows(QUERIES.get("organisations"), Map.of("ids", ids)).stream().map(r -> r.get("id").asString()).toList();
        ids.stream().filter(id -> !known.contains(id)).findFirst().ifPresent(id -> {
            throw new NotFoundException("organisation", id, null, Suggestions.didYouMean(reads.rows(Suggestions.QUERY, Suggestions.parameters(id))));
        });
        return reads.rows(QUERIES.get("timeline"), Map.of("organisations", ids, "first", size)).stream().map(TimelineController::entry).toList();
    }

    @BatchMapping(typeName = "TimelineEntry", field = "organisations")
    Map<TimelineEntry, List<Organisation>> organisations(List<TimelineEntry> entries) {
        return reads.byIds(entries, TimelineEntry::organisationIds, Organisation.class, Organisation::getId);
    }

    private static TimelineEntry entry(Record r) {
        return new TimelineEntry(r.get("id").asString(), r.get("kind").asString(),
                r.get("date").isNull() ? null : r.get("date").asLocalDate(),
                r.get("firstReported").isNull() ? null : r.get("firstReported").asLocalDate(),
                r.get("summary").asString(), r.get("organisations").asList(Value::asString).stream().distinct().toList());
    }
}
