package org.datatrail.system;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import reactor.core.publisher.Mono;

/**
 * A nested list of unbounded size (an organisation's transfers, datasets, campaigns, enforcement actions; a fact's
 * evidence and disputes; a dataset's consents and derivations; a consent's later versions), read a page at a time with
 * {@code first} (1..{@value Pages#MAX_FIRST}, {@value #DEFAULT_FIRST} by default) and {@code after}, the cursor of the
 * last item seen ({@link Pages#itemCursor}).
 * <p>
 * Every field is one DataLoader keyed by (parent, after, first), so a request level reads the pages of all its parents
 * in one statement ({@code paged-list.cypher}, with the list's own members subquery filled in), keyset-paged and
 * limited in Cypher, and their items in a second; a cursor naming an item the parent's list does not hold (vanished,
 * another parent's, another list's) is refused naming {@code after}.
 * <p>
 * Lists that stay whole are small by nature: vocabulary ({@code purposes}, {@code permittedPurposes},
 * {@code includes}, {@code dataCategories}, {@code types}), words of one record ({@code aliases}, {@code subjectGroups},
 * {@code collectionChannels}, {@code channels}, {@code hedges}), a dispute's competing {@code claims} and each claim's
 * quotes, what one chain of at most 8 hops holds (a FlowPath's hops, its ConsentCheck's lists), a timeline entry's
 * organisations, a passage's mentions and highlights, an audit entry's record ids (one write's).
 */
public final class PagedList<T> {

    /** The page size of every nested list when the query gives none; large enough that the seed's lists fit whole. */
    public static final int DEFAULT_FIRST = 50;

    private static final String TEMPLATE = CypherFragments.load(PagedList.class, "paged-list.cypher").get("page");

    /**
     * What a list holds.
     *
     * @param type the entity, loaded through OGM
     * @param idOf its id
     * @param noun what refusals call one, e.g. "dataset"
     * @param idFromCursor the item id inside an {@code after} cursor, refusing one of another kind naming {@code after}
     */
    public record Items<T>(Class<T> type, Function<T, String> idOf, String noun, Function<String, String> idFromCursor) {
    }

    /** One parent's page: the key of a batched load. */
    record Key(String parent, String after, int first) {
    }

    /** The items of one page, and whether its cursor named an item of the list. */
    record Page<T>(List<T> items, boolean afterFound) {
    }

    private final String field;
    private final Items<T> items;

    private PagedList(String field, Items<T> items) {
        this.field = field;
        this.items = items;
    }

    /**
     * Registers the DataLoader of a paged field.
     *
     * @param field {@code Type.field}, e.g. {@code Organisation.datasets}: the DataLoader's name
     * @param members a Cypher subquery that, given {@code key} (with {@code key.parent}, the parent's id), returns
     *        {@code item}, each node of the parent's list, and {@code sortKey}, a list that orders them and ends with a
     *        unique value (the item's id), no element null
     */
    public static <T> PagedList<T> register(BatchLoaderRegistry loaders, GraphReads reads, String field, String members, Items<T> items) {
        PagedList<T> list = new PagedList<>(field, items);
        String statement = CypherFragments.complete(CypherFragments.fill(TEMPLATE, "members", CypherFragments.withoutComments(members)));
        loaders.<Key, Page<T>>forName(field).registerMappedBatchLoader((keys, env) -> Mono.fromSupplier(() -> list.pages(reads, statement, keys)));
        return list;
    }

    /**
     * The page of {@code parent}'s list that {@code first} and {@code after} ask for.
     *
     * @throws BadArgumentException naming {@code first} or {@code after} when it is out of bounds, malformed, or names
     *         an item that is not in this list
     */
    public CompletableFuture<List<T>> page(String parent, Integer first, String after, DataFetchingEnvironment env) {
        int size = Pages.first(first, DEFAULT_FIRST);
        String afterId = after == null ? null : items.idFromCursor().apply(after);
        DataLoader<Key, Page<T>> loader = env.getDataLoader(field);
        return loader.load(new Key(parent, afterId, size)).thenApply(page -> {
            if (!page.afterFound()) {
                // a vanished item, or one of another list: starting again at the first page would repeat items
                throw new BadArgumentException("after", "names " + items.noun() + " '" + afterId + "', which is not (or no longer) in "
                        + parent + "'s " + field.substring(field.indexOf('.') + 1) + "; start again without after");
            }
            return page.items();
        });
    }

    private Map<Key, Page<T>> pages(GraphReads reads, String statement, Set<Key> keys) {
        List<Key> ordered = List.copyOf(keys);
        List<Map<String, Object>> params = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Map<String, Object> key = new HashMap<>();
            key.put("i", i);
            key.put("parent", ordered.get(i).parent());
            key.put("after", ordered.get(i).after());
            key.put("first", ordered.get(i).first());
            params.add(key);
        }
        int most = ordered.stream().mapToInt(Key::first).max().orElse(1);
        List<Record> rows = reads.rows(statement, Map.of("keys", params, "most", most));
        List<String> ids = rows.stream().flatMap(r -> r.get("items").asList(Value::asString).stream()).distinct().toList();
        Map<String, T> loaded = new HashMap<>();
        reads.load(items.type(), ids, items.idOf()).forEach(item -> loaded.put(items.idOf().apply(item), item));
        Map<Key, Page<T>> result = new HashMap<>();
        for (Record r : rows) {
            // an item deleted between the two statements is left out, never a null in a non-null list
            List<T> page = r.get("items").asList(Value::asString).stream().map(loaded::get).filter(java.util.Objects::nonNull).toList();
            result.put(ordered.get(r.get("i").asInt()), new Page<>(page, r.get("afterFound").asBoolean()));
        }
        return result;
    }
}
