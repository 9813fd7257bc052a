package org.eclipsesol.desk.common.api;

import org.eclipsesol.desk.common.ProblemException;

/** Page sizes of GraphQL connections: {@code first} defaults to 20 and may not exceed 100. */
public final class GraphQLPaging {

    public static final int DEFAULT = 20;
    public static final int MAX = 100;

    private GraphQLPaging() {
    }

    public static int first(Integer first) {
        if (first == null) {
            return DEFAULT;
        }
        if (first < 1 || first > MAX) {
            throw ProblemException.invalid("first", "must be between 1 and " + MAX);
        }
        return first;
    }

    public static String after(String after) {
        return after == null || after.isBlank() ? null : after.trim();
    }
}
