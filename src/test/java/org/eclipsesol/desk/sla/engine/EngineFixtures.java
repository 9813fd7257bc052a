package org.eclipsesol.desk.sla.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/** The product's calendar (America/Denver, Mon-Fri 09:00-17:00, US holidays) and its policy-1 targets. */
final class EngineFixtures {

    static final ZoneId DENVER = ZoneId.of("America/Denver");
    static final Set<LocalDate> HOLIDAYS = Set.of(
            LocalDate.parse("2026-11-26"), // Thanksgiving
            LocalDate.parse("2026-12-25"),
            LocalDate.parse("2027-01-01"));
    static final BusinessHoursClock BUSINESS = BusinessHoursClock.standard(DENVER, HOLIDAYS);
    static final ServiceClock ALWAYS = TwentyFourSevenClock.INSTANCE;

    static final TargetDefinition CRITICAL_RESPONSE = TargetDefinition.of(Duration.ofHours(1), ALWAYS);
    static final TargetDefinition CRITICAL_RESOLUTION = TargetDefinition.of(Duration.ofHours(4), ALWAYS);
    static final TargetDefinition HIGH_RESPONSE = TargetDefinition.of(Duration.ofHours(2), BUSINESS);
    static final TargetDefinition HIGH_RESOLUTION = TargetDefinition.of(Duration.ofHours(12), BUSINESS);
    static final TargetDefinition MEDIUM_RESPONSE = TargetDefinition.of(Duration.ofHours(8), BUSINESS);
    static final TargetDefinition MEDIUM_RESOLUTION = TargetDefinition.of(Duration.ofHours(48), BUSINESS);
    static final TargetDefinition LOW_RESPONSE = TargetDefinition.of(Duration.ofHours(24), BUSINESS);
    static final TargetDefinition LOW_RESOLUTION = TargetDefinition.of(Duration.ofHours(72), BUSINESS);

    private EngineFixtures() {
    }

    /**
     * A Denver wall-clock time such as {@code 2026-06-12T16:00}, resolved like {@code ZonedDateTime.of}; an explicit
     * offset ({@code 2026-11-01T01:30-07:00}) picks one side of the November overlap.
     */
    static Instant denver(String local) {
        if (local.matches(".*T.*[+-]\\d\\d:\\d\\d$")) {
            return ZonedDateTime.parse(local + "[America/Denver]").toInstant();
        }
        return ZonedDateTime.of(LocalDateTime.parse(local), DENVER).toInstant();
    }

    /** The Denver wall-clock time of an instant, with its offset, e.g. {@code 2026-11-02T16:00-07:00}. */
    static String denverText(Instant instant) {
        return instant.atZone(DENVER).toOffsetDateTime().toString();
    }
}
