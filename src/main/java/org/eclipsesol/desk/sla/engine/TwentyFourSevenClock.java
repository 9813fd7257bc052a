package org.eclipsesol.desk.sla.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A clock on which every real second counts.
 */
public final class TwentyFourSevenClock implements ServiceClock {

    /** The only instance: the clock has no configuration. */
    public static final TwentyFourSevenClock INSTANCE = new TwentyFourSevenClock();

    private TwentyFourSevenClock() {
    }

    @Override
    public Instant addClockTime(Instant start, Duration amount) {
        Objects.requireNonNull(start, "start");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("negative amount: " + amount);
        }
        return start.plus(amount);
    }

    @Override
    public Duration clockTimeBetween(Instant from, Instant to) {
        return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
    }

    @Override
    public List<ClockSpan> spans(Instant from, Instant to) {
        return to.isAfter(from) ? List.of(new ClockSpan(from, to, true)) : List.of();
    }

    @Override
    public boolean isCounting(Instant t) {
        Objects.requireNonNull(t, "t");
        return true;
    }

    @Override
    public ClockType type() {
        return ClockType.TWENTY_FOUR_SEVEN;
    }

    @Override
    public String toString() {
        return "TwentyFourSevenClock";
    }
}
