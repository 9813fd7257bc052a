package org.eclipsesol.desk.sla.app;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipsesol.desk.sla.engine.SegmentKind;

/**
 * How each target's elapsed time is made up, derived from the ticket's event history: the COUNTING
 * segments add up to {@code elapsed}. {@code consistent} is false if the stored SLA columns disagree
 * with this recomputation (they never should).
 */
@Type("SlaTimeline")
@Description("How each target's elapsed time is made up, derived from the ticket's event history.")
public record TimelineView(@NonNull @Description("The ticket's number, e.g. T-10042.") String ticketNumber,
        @NonNull @Description("The moment the timeline was derived for.") Instant evaluatedAt,
        @NonNull @Description("The response target's timeline.") TargetTimeline response,
        @NonNull @Description("The resolution target's timeline.") TargetTimeline resolution,
        @NonNull @Description("Whether the stored SLA figures agree with what the events say (always true for frozen tickets).") boolean consistent) {

    @Type("SlaTargetTimeline")
    @Description("One target's evaluation and the segments of clock time behind it.")
    public record TargetTimeline(@NonNull @Description("The target as evaluated from the events.") TargetView target,
            @NonNull @Description("The stretches of time, oldest first.") List<@NonNull Segment> segments) {
    }

    @Type("SlaSegment")
    @Description("A stretch of time and what the clock did in it (COUNTING segments add up to elapsed).")
    public record Segment(@NonNull @Description("What the clock did.") SegmentKind kind,
            @NonNull @Description("Where the stretch starts.") Instant from,
            @NonNull @Description("Where it ends.") Instant to,
            @NonNull @Description("Clock time counted in it (zero unless COUNTING).") Duration clockTime) {
    }
}
