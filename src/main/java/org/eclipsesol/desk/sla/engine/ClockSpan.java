package org.eclipsesol.desk.sla.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A maximal stretch {@code [from, to)} of real time during which a {@link ServiceClock} either counts or does not.
 *
 * @param from inclusive start
 * @param to exclusive end, after {@code from}
 * @param counting whether the clock runs during the span (inside business hours)
 */
public record ClockSpan(Instant from, Instant to, boolean counting) {

    public ClockSpan {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("empty span: " + from + " .. " + to);
        }
    }

    /** Real time covered by the span. */
    public Duration length() {
        return Duration.between(from, to);
    }
}
