package com.agencyhub.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list in stable order; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * Builds a page from up to {@code limit + 1} rows fetched in list order: the extra row only tells that
     * another page exists, and the cursor points after the last row shown.
     */
    public static <T> Page<T> of(List<T> rows, int limit, Function<T, String> cursorAfter) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> shown = rows.subList(0, limit);
        return new Page<>(shown, cursorAfter.apply(shown.get(limit - 1)));
    }

    public <R> Page<R> map(Function<T, R> mapping) {
        return new Page<>(items.stream().map(mapping).toList(), nextCursor);
    }
}
