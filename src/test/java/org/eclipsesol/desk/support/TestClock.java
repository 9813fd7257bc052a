package org.eclipsesol.desk.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Singleton;

import io.quarkus.test.Mock;

/**
 * The application's clock in {@code @QuarkusTest}s, replacing the system clock (a CDI alternative).
 * <p>
 * It starts at the instant given by the system property {@code test.clock.start} (default {@link #DEFAULT_START})
 * and then runs at real speed, so the suite behaves the same on whatever day it runs, and running it with
 * {@code -Dtest.clock.start=2030-03-10T09:30:00Z} shows that it does. Tests take "now" from {@link #now()} and let
 * time pass with {@link #advance(Duration)}, never by sleeping. A test that quotes fixed dates may travel with
 * {@link #set(Instant)} and must come back with {@link #reset()} (an {@code @AfterEach}), which returns to the
 * suite's own timeline as if the travel had not happened.
 * <p>
 * Instants have microsecond precision, like PostgreSQL's timestamps (see {@code ClockProducer}).
 */
@Mock
@Singleton
public class TestClock extends Clock {

    /** A Tuesday, 10:00 in Denver: business hours, so a default run looks like an ordinary working day. */
    public static final Instant DEFAULT_START = Instant.parse("2026-12-01T17:00:00Z");

    /** The fixtures quote dates up to the end of November 2026 as history; the clock never starts before that. */
    private static final Instant EARLIEST_START = Instant.parse("2026-12-01T00:00:00Z");

    public static final Instant START = configuredStart();

    private static final long REAL_START_NANOS = System.nanoTime();

    /** How far the suite's timeline is ahead of START plus the real time elapsed since the JVM started. */
    private static long shiftMicros;

    /** The timeline's shift saved by a travel ({@link #set}), restored by {@link #reset()}; null when at home. */
    private static Long homeShiftMicros;

    private static Instant configuredStart() {
        String configured = System.getProperty("test.clock.start", "").trim();
        Instant start = configured.isEmpty() ? DEFAULT_START : Instant.parse(configured);
        if (start.isBefore(EARLIEST_START)) {
            throw new IllegalStateException("test.clock.start must be " + EARLIEST_START + " or later: the tests"
                    + " treat earlier fixed dates as history");
        }
        return start.truncatedTo(ChronoUnit.MICROS);
    }

    private static long realElapsedMicros() {
        return (System.nanoTime() - REAL_START_NANOS) / 1_000;
    }

    /** The application's "now". */
    public static synchronized Instant now() {
        return START.plus(realElapsedMicros() + shiftMicros, ChronoUnit.MICROS);
    }

    /** "now" truncated to whole seconds, convenient for instants sent as JSON and compared after a round trip. */
    public static Instant nowSeconds() {
        return now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Lets {@code amount} of time pass at once. */
    public static synchronized Instant advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("time does not run backwards: " + amount);
        }
        shiftMicros += amount.toNanos() / 1_000;
        return now();
    }

    /** Travels to {@code instant} (then runs on from there); {@link #reset()} comes back. */
    public static synchronized void set(Instant instant) {
        if (homeShiftMicros == null) {
            homeShiftMicros = shiftMicros;
        }
        shiftMicros = ChronoUnit.MICROS.between(START, instant) - realElapsedMicros();
    }

    /** Comes back from a travel to the suite's own timeline; does nothing when not travelling. */
    public static synchronized void reset() {
        if (homeShiftMicros != null) {
            shiftMicros = homeShiftMicros;
            homeShiftMicros = null;
        }
    }

    @Override
    public Instant instant() {
        return now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TestClock source = this;
        return new Clock() {

            @Override
            public Instant instant() {
                return source.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return source.withZone(other);
            }
        };
    }
}
