package org.eclipsesol.desk.report.app;

import java.time.Duration;

import org.eclipse.microprofile.graphql.Description;
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
public record SlaReportRow(String key, String label, long tickets, long excluded, long cancelled, long billable,
        long backlog, long reopened, TargetFigures response, TargetFigures resolution, Satisfaction satisfaction) {

    /** Clients' ratings of the group's tickets: {@code score} = good / (good + bad), null without ratings. */
    @Type("SlaReportSatisfaction")
    @Schema(name = "SlaReportSatisfaction", description = "Clients' ratings of the group's tickets; score = good / (good + bad), null without ratings.")
    public record Satisfaction(long good, long bad, Double score) {
    }

    /**
     * {@code compliance} = met / (met + breached), null while nothing is decided; {@code averageElapsed} is the mean
     * clock time of the decided (met or breached) targets. The percentiles are over the targets met (responded to,
     * resolved): {@code medianElapsed}/{@code p90Elapsed} in clock time (business hours or 24/7, as the target
     * counts), {@code medianCalendar}/{@code p90Calendar} in real time from opening; null when none was met.
     */
    @Type("SlaTargetFigures")
    @Schema(name = "SlaTargetFigures", description = "Per target: counts, compliance, mean clock time of the decided targets, and median / 90th percentile clock and calendar time to the met moment.")
    public record TargetFigures(long met, long breached, long open, Double compliance, Duration averageElapsed,
            Duration medianElapsed, Duration p90Elapsed, Duration medianCalendar, Duration p90Calendar) {
    }
}
