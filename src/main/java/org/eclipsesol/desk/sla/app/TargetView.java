package org.eclipsesol.desk.sla.app;

import java.time.Duration;
import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipsesol.desk.sla.engine.ClockType;
import org.eclipsesol.desk.sla.engine.TargetEvaluation;
import org.eclipsesol.desk.sla.engine.TargetStatus;

/** One SLA target of a ticket: durations are clock time (ISO-8601); dueAt is null while paused. */
@Schema(description = "One SLA target. Durations are clock time; remaining is negative when overdue; dueAt is null while paused.")
@Type("SlaTarget")
@Description("One SLA target. Durations are clock time; remaining is negative when overdue; dueAt is null while paused.")
public record TargetView(Duration target, ClockType clock, TargetStatus status, Instant dueAt, Instant metAt,
        Duration elapsed, Duration remaining) {

    public static TargetView of(TargetEvaluation e) {
        return new TargetView(e.target(), e.clock(), e.status(), e.dueAt(), e.metAt(), e.elapsed(), e.remaining());
    }
}
