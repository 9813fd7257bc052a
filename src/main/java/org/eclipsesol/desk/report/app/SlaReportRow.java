package org.eclipsesol.desk.report.app;

import java.time.Duration;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

/**
 * One group of a report. Excluded and cancelled tickets are counted apart ({@code excluded}, {@code cancelled}) and
 * take no part in the target figures; {@code billable} counts out-of-scope and excluded tickets.
 */
@Type("SlaReportRow")
@Description("One group: ticket counts and, per target, met/breached/open counts, compliance and average clock time.")
public record SlaReportRow(String key, String label, long tickets, long excluded, long cancelled, long billable,
        TargetFigures response, TargetFigures resolution) {

    /**
     * {@code compliance} = met / (met + breached), null while nothing is decided; {@code averageElapsed} is the mean
     * clock time of the decided (met or breached) targets.
     */
    @Type("SlaTargetFigures")
    public record TargetFigures(long met, long breached, long open, Double compliance, Duration averageElapsed) {
    }
}
