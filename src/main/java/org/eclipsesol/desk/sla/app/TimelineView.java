package org.eclipsesol.desk.sla.app;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipsesol.desk.sla.engine.SegmentKind;

/**
 * How each target's elapsed time is made up, derived from the ticket's event history: the COUNTING
 * segments add up to {@code elapsed}. {@code consistent} is false if the stored SLA columns disagree
 * with this recomputation (they never should).
 */
@Type("SlaTimeline")
@Description("How each target's elapsed time is made up, derived from the ticket's event history.")
public record TimelineView(String ticketNumber, Instant evaluatedAt, TargetTimeline response, TargetTimeline resolution,
        boolean consistent) {

    @Type("SlaTargetTimeline")
    @Description("One target's evaluation and the segments of clock time behind it.")
    public record TargetTimeline(TargetView target, List<Segment> segments) {
    }

    @Type("SlaSegment")
    @Description("A stretch of time and what the clock did in it (COUNTING segments add up to elapsed).")
    public record Segment(SegmentKind kind, Instant from, Instant to, Duration clockTime) {
    }
}
