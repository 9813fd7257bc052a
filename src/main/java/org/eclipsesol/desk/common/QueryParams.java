package org.eclipsesol.desk.common;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Query parameters are taken as text and parsed here, so a bad value is a 400 naming the parameter. */
public final class QueryParams {

    private QueryParams() {
    }

    public static String text(String raw) {
        return raw == null || raw.isBlank() ? null : raw.trim();
    }

    public static Integer integer(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, "must be a whole number");
        }
    }

    public static Boolean bool(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw.trim().toLowerCase()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.invalid(name, "must be true or false");
        };
    }

    public static UUID uuid(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be a UUID");
        }
    }

    /** An ISO-8601 instant with offset ({@code 2026-11-01T08:00:00Z}), within 2000-2100. */
    public static Instant instant(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Instants.inRange(name, OffsetDateTime.parse(raw.trim()).toInstant());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be an ISO-8601 instant with offset, such as 2026-11-01T08:00:00Z");
        }
    }
}
