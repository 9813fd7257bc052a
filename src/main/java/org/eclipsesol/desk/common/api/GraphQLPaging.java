package org.eclipsesol.desk.common.api;

import org.eclipsesol.desk.common.Cursors;

/** Page sizes of GraphQL connections: {@code first}, checked like REST's {@code limit} (default 20, at most 100). */
public final class GraphQLPaging {

    private GraphQLPaging() {
    }

    public static int first(Integer first) {
        return Cursors.limit(first, "first");
    }

    public static String after(String after) {
        return after == null || after.isBlank() ? null : after.trim();
    }
}
