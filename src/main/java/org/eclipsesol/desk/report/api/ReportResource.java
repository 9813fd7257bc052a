package org.eclipsesol.desk.report.api;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipsesol.desk.common.RetryReads;
import org.eclipsesol.desk.report.app.SlaReport;
import org.eclipsesol.desk.report.app.SlaReportRow;
import org.eclipsesol.desk.report.app.SlaReportService;
import org.eclipsesol.desk.security.CallerResolver;

import io.quarkus.security.Authenticated;

/** SLA reports as JSON (also for {@code Accept: *}{@code /*}), or CSV when {@code text/csv} is asked for. */
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
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @Operation(summary = "SLA report", description = "Tickets opened in [from, to) (dates in the policy's zone or instants; default the last 30 days), grouped by priority (default), service, category, organization or assignee; with interval=day|week|month also a series of periods. JSON (also for Accept: */*), or CSV only when text/csv is asked for. A client sees their organization only.")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SlaReport.class)),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)) })
    public Response report(@Parameter(description = "2026-11-01 or an ISO-8601 instant") @QueryParam("from") String from,
            @Parameter(description = "2026-12-01 or an ISO-8601 instant (exclusive)") @QueryParam("to") String to,
            @Parameter(description = "priority (default), service, category, organization or assignee") @QueryParam("groupBy") String groupBy,
            @Parameter(description = "day, week or month: adds a series of periods") @QueryParam("interval") String interval,
            @Context HttpHeaders headers) {
        SlaReport report = reports.report(callers.current(), from, to, groupBy, interval);
        if (!wantsCsv(headers.getAcceptableMediaTypes())) {
            return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
        }
        StringBuilder csv = new StringBuilder("group,label,tickets,excluded,cancelled,billable,backlog,reopened,"
                + "response_met,response_breached,response_open,response_compliance,response_average_elapsed,"
                + "response_median_elapsed,response_p90_elapsed,response_median_calendar,response_p90_calendar,"
                + "resolution_met,resolution_breached,resolution_open,resolution_compliance,resolution_average_elapsed,"
                + "resolution_median_elapsed,resolution_p90_elapsed,resolution_median_calendar,resolution_p90_calendar,"
                + "satisfaction_good,satisfaction_bad,satisfaction_score");
        boolean series = !report.series().isEmpty();
        if (series) {
            csv.insert(0, "period_from,period_to,");
        }
        csv.append("\r\n");
        if (series) {
            for (SlaReport.Period period : report.series()) {
                for (SlaReportRow row : period.rows()) {
                    append(csv, period, row);
                }
                append(csv, period, period.total());
            }
        } else {
            for (SlaReportRow row : report.rows()) {
                append(csv, null, row);
            }
            append(csv, null, report.total());
        }
        return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"sla-report-" + report.groupBy().toLowerCase(Locale.ROOT)
                        + ".csv\"")
                .build();
    }

    /**
     * CSV only when text/csv is acceptable and preferred to JSON; wildcards ({@code *}{@code /*}, {@code text/*}) and
     * a missing Accept get JSON.
     */
    static boolean wantsCsv(List<MediaType> acceptable) {
        double csv = 0;
        double json = 0;
        for (MediaType type : acceptable) {
            double q = quality(type);
            if (type.getType().equalsIgnoreCase("text") && type.getSubtype().equalsIgnoreCase("csv")) {
                csv = Math.max(csv, q);
            } else if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                json = Math.max(json, type.isWildcardType() || type.isWildcardSubtype() ? q * 0.99 : q);
            }
        }
        return csv > 0 && csv >= json;
    }

    private static double quality(MediaType type) {
        String q = type.getParameters().get("q");
        try {
            return q == null ? 1 : Double.parseDouble(q);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void append(StringBuilder csv, SlaReport.Period period, SlaReportRow row) {
        if (period != null) {
            csv.append(period.from()).append(',').append(period.to()).append(',');
        }
        csv.append(cell(row.key())).append(',').append(cell(row.label())).append(',').append(row.tickets()).append(',')
                .append(row.excluded()).append(',').append(row.cancelled()).append(',').append(row.billable()).append(',')
                .append(row.backlog()).append(',').append(row.reopened());
        for (SlaReportRow.TargetFigures f : new SlaReportRow.TargetFigures[] { row.response(), row.resolution() }) {
            csv.append(',').append(f.met()).append(',').append(f.breached()).append(',').append(f.open()).append(',')
                    .append(f.compliance() == null ? "" : String.format(Locale.ROOT, "%.4f", f.compliance())).append(',')
                    .append(text(f.averageElapsed())).append(',').append(text(f.medianElapsed())).append(',')
                    .append(text(f.p90Elapsed())).append(',').append(text(f.medianCalendar())).append(',')
                    .append(text(f.p90Calendar()));
        }
        csv.append(',').append(row.satisfaction().good()).append(',').append(row.satisfaction().bad()).append(',')
                .append(row.satisfaction().score() == null ? ""
                        : String.format(Locale.ROOT, "%.4f", row.satisfaction().score()));
        csv.append("\r\n");
    }

    private static String text(Duration d) {
        return d == null ? "" : d.toString();
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
