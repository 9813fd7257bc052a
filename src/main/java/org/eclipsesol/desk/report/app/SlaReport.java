package org.eclipsesol.desk.report.app;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * SLA compliance of the tickets opened in [from, to), grouped, with a total row; with an {@code interval}, also the
 * same figures per period ({@code series}, empty without one).
 */
@Type("SlaReport")
@Schema(name = "SlaReport", description = "SLA compliance of the tickets opened in [from, to), one row per group, the total, and with interval=day|week|month a series of periods.")
@Description("SLA compliance of the tickets opened in [from, to), one row per group, the total, and with interval DAY, WEEK or MONTH a series of periods.")
public record SlaReport(@NonNull @Description("Start of the period (inclusive).") Instant from,
        @NonNull @Description("End of the period (exclusive).") Instant to,
        @NonNull @Description("How the rows are grouped: PRIORITY, SERVICE, CATEGORY, ORGANIZATION or ASSIGNEE.") String groupBy,
        @Description("DAY, WEEK or MONTH when a series was asked for; null otherwise.") String interval,
        @NonNull @Description("One row per group, sorted by key.") List<@NonNull SlaReportRow> rows,
        @NonNull @Description("All the period's tickets together.") SlaReportRow total,
        @NonNull @Description("With an interval, one entry per period, oldest first; empty otherwise.") List<@NonNull Period> series) {

    /** One period of a trend series: the tickets opened in [from, to). */
    @Type("SlaReportPeriod")
    @Description("One period of a trend series: the tickets opened in [from, to), grouped, and the total.")
    @Schema(name = "SlaReportPeriod", description = "One period of a trend series: the tickets opened in [from, to), grouped, and the total.")
    public record Period(@NonNull @Description("Start of the period (inclusive).") Instant from,
            @NonNull @Description("End of the period (exclusive).") Instant to,
            @NonNull @Description("One row per group, sorted by key.") List<@NonNull SlaReportRow> rows,
            @NonNull @Description("All the period's tickets together.") SlaReportRow total) {
    }
}
