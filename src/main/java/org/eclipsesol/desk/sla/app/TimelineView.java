package org.eclipsesol.desk.sla.app;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipsesol.desk.sla.engine.SegmentKind;

/**
 * How each target's elapsed time is made up, derived from the ticket's event history: the COUNTING
 * segments add up to {@code elapsed}. {@code consistent} is false if the stored SLA columns disagree
 * with this recomputation (they never should).
 */
public record TimelineView(String ticketNumber, Instant evaluatedAt, TargetTimeline response, TargetTimeline resolution,
        boolean consistent) {

    public record TargetTimeline(TargetView target, List<Segment> segments) {
    }

    public record Segment(SegmentKind kind, Instant from, Instant to, Duration clockTime) {
    }
}
