package org.eclipsesol.desk.report.app;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * SLA compliance of the tickets opened in [from, to), grouped, with a total row; with an {@code interval}, also the
 * same figures per period ({@code series}, empty without one).
 */
@Type("SlaReport")
@Schema(name = "SlaReport", description = "SLA compliance of the tickets opened in [from, to), one row per group, the total, and with interval=day|week|month a series of periods.")
@Description("SLA compliance of the tickets opened in [from, to), one row per group, the total, and with interval DAY, WEEK or MONTH a series of periods.")
public record SlaReport(Instant from, Instant to, String groupBy, String interval, List<SlaReportRow> rows,
        SlaReportRow total, List<Period> series) {

    /** One period of a trend series: the tickets opened in [from, to). */
    @Type("SlaReportPeriod")
    @Schema(name = "SlaReportPeriod", description = "One period of a trend series: the tickets opened in [from, to), grouped, and the total.")
    public record Period(Instant from, Instant to, List<SlaReportRow> rows, SlaReportRow total) {
    }
}
