package org.eclipsesol.desk.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque cursors for keyset paging: the sort key values of the last item, '|'-separated and base64url
 * encoded. A cursor that does not decode is the caller's error (400), never a 500.
 */
public final class Cursors {

    private Cursors() {
    }

    public static String encode(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join("|", parts).getBytes(StandardCharsets.UTF_8));
    }

    public static String[] decode(String cursor, int expectedParts) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", -1);
            if (parts.length != expectedParts) {
                throw invalid();
            }
            return parts;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public static ProblemException invalid() {
        return ProblemException.invalid("cursor", "is not a cursor this list issued");
    }

    /** A page holds this many items unless the caller asks for another size. */
    public static final int DEFAULT_LIMIT = 20;
    /** No page holds more. */
    public static final int MAX_LIMIT = 100;

    /** The page size of a REST list ({@code ?limit=}). */
    public static int limit(Integer limit) {
        return limit(limit, "limit");
    }

    /** The page size asked for in {@code parameter} (REST {@code limit}, GraphQL {@code first}), checked alike. */
    public static int limit(Integer requested, String parameter) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw ProblemException.invalid(parameter, "must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }
}
