package org.datatrail.dataset;

import java.util.List;
import java.util.Map;

import org.datatrail.consent.Consent;
import org.datatrail.organisation.Organisation;
import org.datatrail.system.CypherResource;
import org.datatrail.system.GraphReads;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Query.dataset and the relationship fields of Dataset and Derivation. */
@Controller
class DatasetController {

    private static final Map<String, String> QUERIES = CypherResource.named(DatasetController.class, "queries.cypher");

    private final GraphReads reads;

    DatasetController(GraphReads reads) {
        this.reads = reads;
    }

    @QueryMapping
    Dataset dataset(@Argument String id) {
        return reads.load(Dataset.class, List.of(id), Dataset::getId).stream().findFirst().orElse(null);
    }

    @BatchMapping
    Map<Dataset, Organisation> heldBy(List<Dataset> datasets) {
        return reads.batchOne(datasets, Dataset::getId, QUERIES.get("heldBy"), Organisation.class, Organisation::getId);
    }

    @BatchMapping
    Map<Dataset, List<DataCategory>> dataCategories(List<Dataset> datasets) {
        return reads.batch(datasets, Dataset::getId, QUERIES.get("dataCategories"), DataCategory.class, DataCategory::getId);
    }

    @BatchMapping
    Map<Dataset, List<Consent>> consents(List<Dataset> datasets) {
        return reads.batch(datasets, Dataset::getId, QUERIES.get("consents"), Consent.class, Consent::getId);
    }

    @BatchMapping
    Map<Dataset, List<Derivation>> derivedFrom(List<Dataset> datasets) {
        return reads.batch(datasets, Dataset::getId, QUERIES.get("derivedFrom"), Derivation.class, Derivation::getId);
    }

    @BatchMapping
    Map<Dataset, List<Derivation>> derivatives(List<Dataset> datasets) {
        return reads.batch(datasets, Dataset::getId, QUERIES.get("derivatives"), Derivation.class, Derivation::getId);
    }

    @BatchMapping(typeName = "Derivation", field = "dataset")
    Map<Derivation, Dataset> derivationDataset(List<Derivation> derivations) {
        return reads.batchOne(derivations, Derivation::getId, QUERIES.get("derivationDataset"), Dataset.class, Dataset::getId);
    }

    @BatchMapping(typeName = "Derivation", field = "source")
    Map<Derivation, Dataset> derivationSource(List<Derivation> derivations) {
        return reads.batchOne(derivations, Derivation::getId, QUERIES.get("derivationSource"), Dataset.class, Dataset::getId);
    }
}
