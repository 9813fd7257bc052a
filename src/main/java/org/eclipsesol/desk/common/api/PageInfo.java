package org.eclipsesol.desk.common.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/**
 * Relay page info of a forward-only keyset connection: pass {@code endCursor} as {@code after} to get the next page.
 * {@code hasPreviousPage} is true exactly when the page was read after a cursor (the cursor's item precedes it);
 * {@code startCursor}/{@code endCursor} are the first and last edge's cursors, null on an empty page.
 */
@Type("PageInfo")
@Description("Where a page starts and ends (Relay). Paging is forward only: pass endCursor as `after` to read the next page.")
public record PageInfo(
        @NonNull @Description("Whether another page follows this one.") boolean hasNextPage,
        @Description("The cursor of the last edge on this page (null on an empty page).") String endCursor,
        @NonNull @Description("Whether items precede this page: true when it was read after a cursor (`after`), false on the first page.") boolean hasPreviousPage,
        @Description("The cursor of the first edge on this page (null on an empty page).") String startCursor) {

    /** The page info of a page with these edge cursors, read after {@code after} (null for the first page). */
    public static PageInfo of(List<String> cursors, boolean hasNextPage, String after) {
        return new PageInfo(hasNextPage, cursors.isEmpty() ? null : cursors.get(cursors.size() - 1), after != null,
                cursors.isEmpty() ? null : cursors.get(0));
    }
}
