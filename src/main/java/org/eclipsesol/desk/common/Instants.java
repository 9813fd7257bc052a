package org.eclipsesol.desk.common;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The range of instants a caller may send (quotes, reports, openedAt, time entries, receivedAt, holidays): from
 * 2000-01-01 to 2100-01-01 UTC. Outside it an instant is a 400 violation, before any computation could overflow.
 */
public final class Instants {

    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    private Instants() {
    }

    /** The instant itself (null stays null) if in range; otherwise a violation of {@code field}. */
    public static Instant inRange(String field, Instant value) {
        if (value != null && (value.isBefore(EARLIEST) || !value.isBefore(LATEST))) {
            throw ProblemException.invalid(field, "must be between 2000-01-01 and 2100-01-01");
        }
        return value;
    }

    public static LocalDate inRange(String field, LocalDate value) {
        if (value != null && (value.getYear() < 2000 || value.getYear() >= 2100)) {
            throw ProblemException.invalid(field, "must be between 2000-01-01 and 2100-01-01");
        }
        return value;
    }
}
