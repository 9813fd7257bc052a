package org.eclipsesol.desk.sla.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One stretch {@code [from, to)} of a target's timeline.
 *
 * @param kind what the clock did
 * @param from inclusive start
 * @param to exclusive end
 * @param clockTime clock time the stretch added to the target's elapsed time (zero unless {@link SegmentKind#COUNTING})
 */
public record TimelineSegment(SegmentKind kind, Instant from, Instant to, Duration clockTime) {

    public TimelineSegment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(clockTime, "clockTime");
    }
}
