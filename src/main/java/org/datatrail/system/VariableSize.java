package org.datatrail.system;

import java.util.Collection;
import java.util.Map;

/**
 * About how many characters a request's variables take as JSON: each string's length and quotes, each number's or
 * boolean's digits, and the braces, brackets, colons and commas between. Counted into the GraphQL character limit
 * with the query itself.
 */
final class VariableSize {

    private VariableSize() {
    }

    static long of(Object value) {
        if (value == null) {
            return 4;
        }
        if (value instanceof CharSequence text) {
            return text.length() + 2L;
        }
        if (value instanceof Map<?, ?> map) {
            long size = 2;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += of(String.valueOf(entry.getKey())) + 2 + of(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> list) {
            long size = 2;
            for (Object element : list) {
                size += of(element) + 1;
            }
            return size;
        }
        return String.valueOf(value).length();
    }
}
