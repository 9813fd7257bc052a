package org.eclipsesol.desk.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One page of a cursor-paged list; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * The page of a keyset query that fetched one row more than {@code size}: that extra row only tells that
     * another page exists, and the cursor points after the last item kept.
     */
    public static <R, T> Page<T> of(List<R> rows, int size, Function<R, T> view, Function<T, String> cursorOf) {
        boolean more = rows.size() > size;
        List<T> items = new ArrayList<>(Math.min(rows.size(), size));
        for (R row : more ? rows.subList(0, size) : rows) {
            items.add(view.apply(row));
        }
        return new Page<>(List.copyOf(items), more ? cursorOf.apply(items.get(items.size() - 1)) : null);
    }
}
