package org.eclipsesol.desk.sla.app;

import java.time.Duration;
import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipsesol.desk.sla.engine.ClockType;
import org.eclipsesol.desk.sla.engine.TargetEvaluation;
import org.eclipsesol.desk.sla.engine.TargetStatus;

/** One SLA target of a ticket: durations are clock time (ISO-8601); dueAt is null while paused. */
@Schema(description = "One SLA target. Durations are clock time; remaining is negative when overdue; dueAt is null while paused.")
@Type("SlaTarget")
@Description("One SLA target. Durations are clock time; remaining is negative when overdue; dueAt is null while paused.")
public record TargetView(@NonNull @Description("The target: clock time allowed.") Duration target,
        @NonNull @Description("The clock the target is measured on.") ClockType clock,
        @NonNull @Description("Where the target stands now.") TargetStatus status,
        @Description("When the target falls (or fell) due; null while paused (waiting on the client) and when not applicable.") Instant dueAt,
        @Description("When the target was met; null until then.") Instant metAt,
        @NonNull @Description("Clock time counted so far.") Duration elapsed,
        @NonNull @Description("Clock time left; negative when overdue.") Duration remaining) {

    public static TargetView of(TargetEvaluation e) {
        return new TargetView(e.target(), e.clock(), e.status(), e.dueAt(), e.metAt(), e.elapsed(), e.remaining());
    }
}
