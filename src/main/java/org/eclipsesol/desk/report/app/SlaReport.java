package org.eclipsesol.desk.report.app;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

/** SLA compliance of the tickets opened in [from, to), grouped, with a total row. */
@Type("SlaReport")
@Description("SLA compliance of the tickets opened in [from, to), one row per group, and the total.")
public record SlaReport(Instant from, Instant to, String groupBy, List<SlaReportRow> rows, SlaReportRow total) {
}
