package org.datatrail.system;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Bounded, pageable lists: {@code first} (1..{@value #MAX_FIRST}) and an opaque {@code after} cursor.
 */
public final class Pages {

    public static final int MAX_FIRST = 100;

    private static final String PREFIX = "offset:";

    private Pages() {
    }

    /** A page of a list: skip {@code offset} items, take {@code size}. */
    public record Page(int offset, int size) {
    }

    /**
     * @throws BadArgumentException naming the argument when {@code first} or {@code after} is out of bounds
     */
    public static Page page(Integer first, String after) {
        int size = first == null ? 50 : first;
        if (size < 1 || size > MAX_FIRST) {
            throw new BadArgumentException("first", "must be between 1 and " + MAX_FIRST + ", was " + size);
        }
        return new Page(after == null ? 0 : offsetOf(after) + 1, size);
    }

    public static String cursor(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offsetOf(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                int offset = Integer.parseInt(text.substring(PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        }
        catch (IllegalArgumentException malformed) {
            // reported below
        }
        throw new BadArgumentException("after", "is not a cursor this API gave out ('" + cursor + "')");
    }
}
