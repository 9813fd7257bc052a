package org.eclipsesol.desk.report.api;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipsesol.desk.common.api.GraphQLErrors;
import org.eclipsesol.desk.report.app.SlaReport;
import org.eclipsesol.desk.report.app.SlaReportService;
import org.eclipsesol.desk.security.CallerResolver;

/** The SLA report through GraphQL, with the same rules as REST. */
@GraphQLApi
@GraphQLErrors
public class ReportGraphQLApi {

    @Inject
    SlaReportService reports;

    @Inject
    CallerResolver callers;

    @Query("slaReport")
    @Description("SLA compliance of the tickets opened in [from, to) (dates such as 2026-11-01 in the policy's zone, or "
            + "instants; default the last 30 days), grouped by PRIORITY (default), SERVICE, CATEGORY, ORGANIZATION or "
            + "ASSIGNEE; interval DAY, WEEK or MONTH adds a series of periods. A client sees their organization's tickets only.")
    public @NonNull SlaReport slaReport(
            @Name("from") @Description("Start (inclusive): a date such as 2026-11-01 in the policy's zone, or an instant; default 30 days before to.") String from,
            @Name("to") @Description("End (exclusive): a date in the policy's zone or an instant; default now.") String to,
            @Name("groupBy") @Description("PRIORITY (default), SERVICE, CATEGORY, ORGANIZATION or ASSIGNEE (any case).") String groupBy,
            @Name("interval") @Description("DAY, WEEK or MONTH (any case) adds a series of periods; null: none.") String interval) {
        return reports.report(callers.current(), from, to, groupBy, interval);
    }
}
