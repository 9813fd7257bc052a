package org.eclipsesol.desk.common.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** Relay page info: pass {@code endCursor} as {@code after} to get the next page. */
@Type("PageInfo")
@Description("Where a page ends: pass endCursor as `after` to read the next page.")
public record PageInfo(
        @NonNull @Description("Whether another page follows this one.") boolean hasNextPage,
        @Description("The cursor of the last item on this page (null on an empty page).") String endCursor) {
}
