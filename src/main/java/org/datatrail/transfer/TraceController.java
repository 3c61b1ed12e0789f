package org.datatrail.transfer;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.datatrail.dataset.Dataset;
import org.datatrail.organisation.Organisation;
import org.datatrail.organisation.OrganisationType;
import org.datatrail.system.BadArgumentException;
import org.datatrail.system.GraphReads;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Query.traceFlows, Query.upstream, Query.traceDataset, Query.shortestFlow and the fields of FlowPath. */
@Controller
class TraceController {

    private final Traces traces;
    private final GraphReads reads;
    private final FilterValues filterValues;

    TraceController(Traces traces, GraphReads reads, FilterValues filterValues) {
        this.traces = traces;
        this.reads = reads;
        this.filterValues = filterValues;
    }

    @QueryMapping
    List<FlowPath> traceFlows(@Argument String from, @Argument String to, @Argument OrganisationType toType, @Argument Integer maxHops,
            @Argument LocalDate since, @Argument LocalDate until, @Argument Integer first, @Argument String after,
            @Argument String dataCategory, @Argument Boolean childrenOnly, @Argument String purpose, @Argument FlowBasis follow) {
        int hops = hops(maxHops, 4);
        Traces.Filter filter = filter(to, toType, since, until, dataCategory, childrenOnly, purpose, follow);
        return traces.downstream(from, filter, hops, Traces.page(first, after, "traceFlows", from, Traces.arguments(filter, hops)));
    }

    @QueryMapping
    List<FlowPath> upstream(@Argument String to, @Argument Integer maxHops, @Argument Integer first, @Argument String after,
            @Argument LocalDate since, @Argument LocalDate until, @Argument String dataCategory, @Argument Boolean childrenOnly,
            @Argument String purpose, @Argument FlowBasis follow) {
        int hops = hops(maxHops, 4);
        Traces.Filter filter = filter(null, null, since, until, dataCategory, childrenOnly, purpose, follow);
        return traces.upstream(to, filter, hops, Traces.page(first, after, "upstream", to, Traces.arguments(filter, hops)));
    }

    @QueryMapping
    List<FlowPath> traceDataset(@Argument String id, @Argument Integer maxHops, @Argument Integer first, @Argument String after) {
        int hops = hops(maxHops, 4);
        return traces.dataset(id, hops, Traces.page(first, after, "traceDataset", id, "maxHops " + hops));
    }

    @QueryMapping
    FlowPath shortestFlow(@Argument String between, @Argument String and, @Argument Integer maxHops) {
        int hops = hops(maxHops, Traces.MAX_HOPS);
        return traces.shortest(between, and, hops).stream().findFirst().orElse(null);
    }

    @BatchMapping
    Map<FlowPath, List<Organisation>> organisations(List<FlowPath> paths) {
        return reads.byIds(paths, FlowPath::organisationIds, Organisation.class, Organisation::getId);
    }

    @BatchMapping
    Map<FlowPath, List<Transfer>> transfers(List<FlowPath> paths) {
        return reads.byIds(paths, FlowPath::transferIds, Transfer.class, Transfer::getId);
    }

    @BatchMapping
    Map<FlowPath, List<Dataset>> datasets(List<FlowPath> paths) {
        return reads.byIds(paths, FlowPath::datasetIds, Dataset.class, Dataset::getId);
    }

    private Traces.Filter filter(String to, OrganisationType toType, LocalDate since, LocalDate until, String dataCategory,
            Boolean childrenOnly, String purpose, FlowBasis follow) {
        if (since != null && until != null && until.isBefore(since)) {
            throw new BadArgumentException("until", "(" + until + ") is before since (" + since + ")");
        }
        filterValues.check(purpose, dataCategory);
        return new Traces.Filter(to, toType == null ? null : toType.name(), since, until, dataCategory, Boolean.TRUE.equals(childrenOnly), purpose,
                follow == null ? FlowBasis.DATA : follow);
    }

    private static int hops(Integer maxHops, int fallback) {
        int hops = maxHops == null ? fallback : maxHops;
        if (hops < 1 || hops > Traces.MAX_HOPS) {
            throw new BadArgumentException("maxHops", "must be between 1 and " + Traces.MAX_HOPS + ", was " + hops);
        }
        return hops;
    }
}
