package org.datatrail.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Bounded, pageable lists: {@code first} (1..{@value #MAX_FIRST}) and an opaque {@code after} cursor.
 * <p>
 * Every cursor is a keyset cursor. One of a top-level list (search, document search, the audit trail, disputes, sources, traces) names
 * the list it came from, the list's scope (the search text, the organisation, the fact, the trace's start) and the key
 * of the last item seen, so the next page starts right after that item whatever was written meanwhile, and a cursor
 * of another list or scope is refused; the cursor of an item of a nested list ({@link PagedList}: an organisation's
 * transfers, datasets or evidence...) names the item, and the list refuses it unless it holds that item. No cursor holds
 * a position, so none can make a statement skip its way through the items before it. Every refusal is a
 * {@link BadArgumentException} naming {@code after}.
 */
public final class Pages {

    public static final int MAX_FIRST = 100;

    private static final String VERSION = "k1";

    private Pages() {
    }

    /**
     * How many items a page holds.
     *
     * @throws BadArgumentException naming {@code first} unless it is 1..{@value #MAX_FIRST}
     */
    public static int first(Integer first, int byDefault) {
        int size = first == null ? byDefault : first;
        if (size < 1 || size > MAX_FIRST) {
            throw new BadArgumentException("first", "must be between 1 and " + MAX_FIRST + ", was " + size);
        }
        return size;
    }

    /** A keyset cursor: the item with {@code key} in {@code list} for {@code scope} (the empty string for none). */
    public static String keyset(String list, String scope, String... key) {
        StringBuilder text = new StringBuilder(VERSION).append('.').append(part(list)).append('.').append(part(scope));
        for (String k : key) {
            text.append('.').append(part(k));
        }
        return encode(text.toString());
    }

    /**
     * The key inside a keyset cursor of {@code list} for {@code scope}.
     *
     * @throws BadArgumentException naming {@code after} when it is not such a cursor with {@code parts} key parts,
     *         or is one of another list or scope
     */
    public static List<String> key(String after, String list, String scope, int parts) {
        List<String> fields = new ArrayList<>();
        try {
            String[] split = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8).split("\\.", -1);
            if (split.length >= 3 && split[0].equals(VERSION)) {
                for (int i = 1; i < split.length; i++) {
                    fields.add(new String(Base64.getUrlDecoder().decode(split[i]), StandardCharsets.UTF_8));
                }
            }
        }
        catch (IllegalArgumentException malformed) {
            fields.clear();
        }
        if (fields.isEmpty()) {
            throw new BadArgumentException("after", "is not a cursor this API gave out ('" + after + "')");
        }
        if (!fields.get(0).equals(list)) {
            throw new BadArgumentException("after", "is a cursor of " + fields.get(0) + ", not of " + list
                    + ": a cursor continues only the list it came from");
        }
        if (!fields.get(1).equals(scope)) {
            throw new BadArgumentException("after", "is a cursor of " + list + " for '" + fields.get(1) + "', not for '" + scope
                    + "': a cursor continues only the list it came from");
        }
        if (fields.size() != 2 + parts) {
            throw new BadArgumentException("after", "is not a cursor this API gave out ('" + after + "')");
        }
        return List.copyOf(fields.subList(2, fields.size()));
    }

    /**
     * The cursor of an item of a nested list ({@link PagedList}): it names the item, by the kind of list it is in
     * ({@code datasets}, {@code evidence}...) and its id; the list it is given to checks that it holds the item.
     */
    public static String itemCursor(String kind, String id) {
        return keyset(kind, "", id);
    }

    /**
     * The item id inside a cursor from {@link #itemCursor(String, String)}.
     *
     * @throws BadArgumentException naming {@code after} when it is not such a cursor, or one of another kind of list
     */
    public static String itemId(String after, String kind) {
        return key(after, kind, "", 1).getFirst();
    }

    private static String part(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
