package org.datatrail.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Bounded, pageable lists: {@code first} (1..{@value #MAX_FIRST}) and an opaque {@code after} cursor.
 * <p>
 * Two kinds of cursor. A <b>keyset</b> cursor (search, the audit trail, disputes, sources, traces) names
 * the list it came from, the list's scope (the search text, the organisation, the fact, the trace's start) and the key
 * of the last item seen, so the next page starts right after that item whatever was written meanwhile, and a cursor
 * of another list or scope is refused; the cursor of an item of a nested list ({@link PagedList}: an organisation's
 * transfers, datasets or evidence...) names the item, and the list refuses it unless it holds that item. An <b>offset</b> cursor (document search) holds a position, and no position
 * beyond {@value #MAX_OFFSET} is accepted, so no cursor makes a statement enumerate more than that. Every refusal is
 * a {@link BadArgumentException} naming {@code after}.
 */
public final class Pages {

    public static final int MAX_FIRST = 100;

    /** The deepest an offset-paged list is read (ten full pages): a position past it is refused, never enumerated. */
    public static final int MAX_OFFSET = 1_000;

    private static final String OFFSET_PREFIX = "offset:";

    private static final String VERSION = "k1";

    private Pages() {
    }

    /** A page of a list: skip {@code offset} items, take {@code size}. */
    public record Page(int offset, int size) {
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

    /**
     * A page of an offset-paged list whose cursors come from {@link #cursor(int)}.
     *
     * @throws BadArgumentException naming the argument when {@code first} or {@code after} is out of bounds
     */
    public static Page page(Integer first, String after) {
        int size = first(first, 50);
        if (after == null) {
            return new Page(0, size);
        }
        int offset;
        try {
            String text = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
            offset = text.startsWith(OFFSET_PREFIX) ? position(text.substring(OFFSET_PREFIX.length()), after) : -1;
        }
        catch (IllegalArgumentException malformed) {
            offset = -1;
        }
        if (offset < 0) {
            throw new BadArgumentException("after", "is not a cursor this API gave out ('" + after + "')");
        }
        return bounded(offset, size, after);
    }

    /** The cursor of the item at {@code offset} in a list paged by {@link #page(Integer, String)}. */
    public static String cursor(int offset) {
        return encode(OFFSET_PREFIX + offset);
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

    private static int position(String digits, String after) {
        if (!digits.matches("[0-9]{1,9}")) {
            throw new BadArgumentException("after", "is not a cursor this API gave out ('" + after + "')");
        }
        return Integer.parseInt(digits);
    }

    private static Page bounded(int position, int size, String after) {
        int offset = position + 1;
        if (offset >= MAX_OFFSET) {
            throw new BadArgumentException("after", "is past the " + MAX_OFFSET + "th item, the deepest this list is paged; narrow the question instead");
        }
        return new Page(offset, Math.min(size, MAX_OFFSET - offset));
    }

    private static String part(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
