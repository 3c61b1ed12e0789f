package org.datatrail.transfer;

import java.util.List;
import java.util.Map;

import org.datatrail.consent.Purpose;
import org.datatrail.dataset.Dataset;
import org.datatrail.organisation.Organisation;
import org.datatrail.system.CypherResource;
import org.datatrail.system.GraphReads;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Query.transfer and the relationship fields of Transfer, each resolved for a whole batch of transfers at once. */
@Controller
class TransferController {

    private static final Map<String, String> QUERIES = CypherResource.named(TransferController.class, "queries.cypher");

    private final GraphReads reads;

    TransferController(GraphReads reads) {
        this.reads = reads;
    }

    @QueryMapping
    Transfer transfer(@Argument String id) {
        return reads.load(Transfer.class, List.of(id), Transfer::getId).stream().findFirst().orElse(null);
    }

    @BatchMapping
    Map<Transfer, Organisation> from(List<Transfer> transfers) {
        return reads.batchOne(transfers, Transfer::getId, QUERIES.get("from"), Organisation.class, Organisation::getId);
    }

    @BatchMapping
    Map<Transfer, Organisation> to(List<Transfer> transfers) {
        return reads.batchOne(transfers, Transfer::getId, QUERIES.get("to"), Organisation.class, Organisation::getId);
    }

    @BatchMapping
    Map<Transfer, Dataset> dataset(List<Transfer> transfers) {
        return reads.batchOne(transfers, Transfer::getId, QUERIES.get("dataset"), Dataset.class, Dataset::getId);
    }

    @BatchMapping
    Map<Transfer, List<Purpose>> purposes(List<Transfer> transfers) {
        return reads.batch(transfers, Transfer::getId, QUERIES.get("purposes"), Purpose.class, Purpose::getId);
    }

    @BatchMapping
    Map<Transfer, Organisation> onBehalfOf(List<Transfer> transfers) {
        return reads.batchOne(transfers, Transfer::getId, QUERIES.get("onBehalfOf"), Organisation.class, Organisation::getId);
    }
}
