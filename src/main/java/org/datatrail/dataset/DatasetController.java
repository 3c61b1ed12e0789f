package org.datatrail.dataset;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.datatrail.consent.Consent;
import org.datatrail.organisation.Organisation;
import org.datatrail.system.CypherResource;
import org.datatrail.system.GraphReads;
import org.datatrail.system.PagedList;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/** Query.dataset and the relationship fields of Dataset (its consents and derivations paged, {@link PagedList}) and Derivation. */
@Controller
class DatasetController {

    private static final Map<String, String> QUERIES = CypherResource.named(DatasetController.class, "queries.cypher");

    private final GraphReads reads;
    private final PagedList<Consent> consents;
    private final PagedList<Derivation> derivedFrom;
    private final PagedList<Derivation> derivatives;

    DatasetController(GraphReads reads, BatchLoaderRegistry loaders) {
        this.reads = reads;
        this.consents = PagedList.register(loaders, reads, "Dataset.consents", QUERIES.get("consentsPage"), Consent.items());
        this.derivedFrom = PagedList.register(loaders, reads, "Dataset.derivedFrom", QUERIES.get("derivedFromPage"), Derivation.items());
        this.derivatives = PagedList.register(loaders, reads, "Dataset.derivatives", QUERIES.get("derivativesPage"), Derivation.items());
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

    /**
     * The pairings of each dataset, in two queries whatever the batch: the pairs, then their categories. Only what the
     * facts pair: a category without {@code about} is left out, never shown with every group or none.
     */
    @BatchMapping
    Map<Dataset, List<CategorySubjects>> categoriesAbout(List<Dataset> datasets) {
        Map<String, List<Value>> pairs = new HashMap<>();
        for (Record row : reads.rows(QUERIES.get("categoriesAbout"), Map.of("ids", datasets.stream().map(Dataset::getId).distinct().toList()))) {
            pairs.put(row.get("source").asString(), row.get("pairs").asList(v -> v));
        }
        Map<String, DataCategory> categories = new HashMap<>();
        reads.load(DataCategory.class, pairs.values().stream().flatMap(List::stream).map(p -> p.get("category").asString()).distinct().toList(),
                DataCategory::getId).forEach(c -> categories.put(c.getId(), c));
        Map<Dataset, List<CategorySubjects>> result = new LinkedHashMap<>();
        for (Dataset dataset : datasets) {
            result.put(dataset, pairs.getOrDefault(dataset.getId(), List.of()).stream()
                .map(p -> new CategorySubjects(categories.get(p.get("category").asString()), p.get("subjectGroups").asList(Value::asString)))
                .filter(p -> p.category() != null)
                .toList());
        }
        return result;
    }

    @SchemaMapping
    CompletableFuture<List<Consent>> consents(Dataset dataset, @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return consents.page(dataset.getId(), first, after, env);
    }

    @SchemaMapping
    CompletableFuture<List<Derivation>> derivedFrom(Dataset dataset, @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return derivedFrom.page(dataset.getId(), first, after, env);
    }

    @SchemaMapping
    CompletableFuture<List<Derivation>> derivatives(Dataset dataset, @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return derivatives.page(dataset.getId(), first, after, env);
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
