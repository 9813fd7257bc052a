package org.eclipsesol.desk.common;

import java.util.UUID;

/** Ids from paths and GraphQL arguments. */
public final class Ids {

    private Ids() {
    }

    /** A malformed id is indistinguishable from an unknown one: 404 naming {@code what}, so ids cannot be probed. */
    public static UUID parse(String raw, String what) {
        try {
            return UUID.fromString(raw.trim());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound(what + " " + raw);
        }
    }
}
