package org.eclipsesol.desk.report.api;

import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipsesol.desk.common.RetryReads;
import org.eclipsesol.desk.report.app.SlaReport;
import org.eclipsesol.desk.report.app.SlaReportRow;
import org.eclipsesol.desk.report.app.SlaReportService;
import org.eclipsesol.desk.security.CallerResolver;

import io.quarkus.security.Authenticated;

/** SLA reports as JSON, or CSV with {@code Accept: text/csv}. */
@RetryReads
@Path("/api/v1/reports/sla")
@Authenticated
@SecurityRequirement(name = "oidc")
@Tag(name = "Reports")
public class ReportResource {

    @Inject
    SlaReportService reports;

    @Inject
    CallerResolver callers;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "SLA report", description = "Tickets opened in [from, to) (dates in the policy's zone or instants; default the last 30 days), grouped by priority (default), service, category, organization or assignee. A client sees their organization only.")
    public SlaReport json(@Parameter(description = "2026-11-01 or an ISO-8601 instant") @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("groupBy") String groupBy) {
        return reports.report(callers.current(), from, to, groupBy);
    }

    @GET
    @Produces("text/csv")
    @Operation(summary = "SLA report as CSV")
    public Response csv(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("groupBy") String groupBy) {
        SlaReport report = reports.report(callers.current(), from, to, groupBy);
        StringBuilder csv = new StringBuilder("group,label,tickets,excluded,cancelled,billable,"
                + "response_met,response_breached,response_open,response_compliance,response_average_elapsed,"
                + "resolution_met,resolution_breached,resolution_open,resolution_compliance,resolution_average_elapsed\r\n");
        for (SlaReportRow row : report.rows()) {
            append(csv, row);
        }
        append(csv, report.total());
        return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"sla-report-" + report.groupBy().toLowerCase(Locale.ROOT)
                        + ".csv\"")
                .build();
    }

    private static void append(StringBuilder csv, SlaReportRow row) {
        csv.append(cell(row.key())).append(',').append(cell(row.label())).append(',').append(row.tickets()).append(',')
                .append(row.excluded()).append(',').append(row.cancelled()).append(',').append(row.billable());
        for (SlaReportRow.TargetFigures f : new SlaReportRow.TargetFigures[] { row.response(), row.resolution() }) {
            csv.append(',').append(f.met()).append(',').append(f.breached()).append(',').append(f.open()).append(',')
                    .append(f.compliance() == null ? "" : String.format(Locale.ROOT, "%.4f", f.compliance())).append(',')
                    .append(f.averageElapsed() == null ? "" : f.averageElapsed().toString());
        }
        csv.append("\r\n");
    }

    /**
     * RFC 4180 quoting; a leading =, +, -, @, TAB or CR is defused (OWASP CSV injection) so spreadsheets do not run
     * it as a formula.
     */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
