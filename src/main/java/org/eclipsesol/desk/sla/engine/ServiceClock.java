package org.eclipsesol.desk.sla.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Measures "clock time": the part of real time that counts towards a service-level target.
 * <p>
 * A clock is a pure function of instants (no notion of "now"); implementations are immutable and thread-safe.
 */
public interface ServiceClock {

    /**
     * The earliest instant {@code t >= start} with {@code clockTimeBetween(start, t)} equal to {@code amount}.
     * A zero amount returns {@code start}. With a positive amount the result lies inside, or at the end of, a counting
     * span, never at the beginning of a non-counting one.
     *
     * @throws IllegalArgumentException if {@code amount} is negative
     */
    Instant addClockTime(Instant start, Duration amount);

    /** Clock time counted in {@code [from, to)}; zero if {@code to} is not after {@code from}. */
    Duration clockTimeBetween(Instant from, Instant to);

    /**
     * Partition of {@code [from, to)} into maximal spans that alternate between counting and not counting. Empty if
     * {@code to} is not after {@code from}. The counting spans add up to {@link #clockTimeBetween(Instant, Instant)}.
     */
    List<ClockSpan> spans(Instant from, Instant to);

    /** Whether the clock counts at instant {@code t}. */
    boolean isCounting(Instant t);

    /** The kind of this clock. */
    ClockType type();
}
