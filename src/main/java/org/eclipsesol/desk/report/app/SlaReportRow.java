package org.eclipsesol.desk.report.app;

import java.time.Duration;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One group of a report. Excluded and cancelled tickets are counted apart ({@code excluded}, {@code cancelled}) and
 * take no part in the target figures; {@code billable} counts out-of-scope and excluded tickets; {@code backlog} the
 * group's tickets not resolved, closed or cancelled at the period's end; {@code reopened} the tickets reopened at least
 * once.
 */
@Type("SlaReportRow")
@Schema(name = "SlaReportRow", description = "One group: ticket counts, backlog at the period's end, reopened tickets and, per target, met/breached/open counts, compliance and clock/calendar time figures.")
@Description("One group: ticket counts, backlog at the period's end, reopened tickets and, per target, met/breached/open counts, compliance and clock/calendar time figures.")
public record SlaReportRow(
        @NonNull @Description("The group's key: the priority, service or category, the organization's id, the assignee's id (UNASSIGNED for none); TOTAL for the total.") String key,
        @NonNull @Description("The group's display name (an organization's or assignee's name; All tickets for the total).") String label,
        @NonNull @Description("Tickets opened in the period.") long tickets,
        @NonNull @Description("Of those, excluded from the SLA.") long excluded,
        @NonNull @Description("Of those, cancelled.") long cancelled,
        @NonNull @Description("Of those, billable (out of scope or excluded).") long billable,
        @NonNull @Description("Of those, still open at the period's end.") long backlog,
        @NonNull @Description("Of those, reopened after being resolved.") long reopened,
        @NonNull @Description("The response target's figures.") TargetFigures response,
        @NonNull @Description("The resolution target's figures.") TargetFigures resolution,
        @NonNull @Description("Clients' ratings of the group's tickets.") Satisfaction satisfaction) {

    /** Clients' ratings of the group's tickets: {@code score} = good / (good + bad), null without ratings. */
    @Type("SlaReportSatisfaction")
    @Description("Clients' ratings of the group's tickets; score = good / (good + bad), null without ratings.")
    @Schema(name = "SlaReportSatisfaction", description = "Clients' ratings of the group's tickets; score = good / (good + bad), null without ratings.")
    public record Satisfaction(@NonNull @Description("GOOD ratings.") long good,
            @NonNull @Description("BAD ratings.") long bad,
            @Description("The share of GOOD ratings, good / (good + bad); null without ratings.") Double score) {
    }

    /**
     * {@code compliance} = met / (met + breached), null while nothing is decided; {@code averageElapsed} is the mean
     * clock time of the decided (met or breached) targets. The percentiles are over the targets met (responded to,
     * resolved): {@code medianElapsed}/{@code p90Elapsed} in clock time (business hours or 24/7, as the target
     * counts), {@code medianCalendar}/{@code p90Calendar} in real time from opening; null when none was met.
     */
    @Type("SlaTargetFigures")
    @Description("Per target: counts, compliance, mean clock time of the decided targets, and median / 90th percentile clock and calendar time to the met moment.")
    @Schema(name = "SlaTargetFigures", description = "Per target: counts, compliance, mean clock time of the decided targets, and median / 90th percentile clock and calendar time to the met moment.")
    public record TargetFigures(@NonNull @Description("Targets met in time.") long met,
            @NonNull @Description("Targets breached.") long breached,
            @NonNull @Description("Targets not yet decided.") long open,
            @Description("The share met, met / (met + breached); null while nothing is decided.") Double compliance,
            @Description("Mean clock time of the decided targets; null when none is.") Duration averageElapsed,
            @Description("Median clock time to the met moment; null when none was met.") Duration medianElapsed,
            @Description("90th percentile clock time to the met moment; null when none was met.") Duration p90Elapsed,
            @Description("Median calendar time from opening to the met moment; null when none was met.") Duration medianCalendar,
            @Description("90th percentile calendar time from opening to the met moment; null when none was met.") Duration p90Calendar) {
    }
}
