package org.eclipsesol.desk.sla.api;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipsesol.desk.catalog.Priority;
import org.eclipsesol.desk.common.QueryParams;
import org.eclipsesol.desk.common.api.GraphQLErrors;
import org.eclipsesol.desk.security.CallerResolver;
import org.eclipsesol.desk.sla.app.HolidayService;
import org.eclipsesol.desk.sla.app.HolidayView;
import org.eclipsesol.desk.sla.app.PolicyInput;
import org.eclipsesol.desk.sla.app.PolicyService;
import org.eclipsesol.desk.sla.app.PolicyView;
import org.eclipsesol.desk.sla.app.QuoteService;
import org.eclipsesol.desk.sla.app.QuoteView;

/**
 * SLA policies, holidays and quotes over GraphQL. A ticket's SLA (override, timeline) is in the ticket feature,
 * live SLA alerts in notify.
 */
@GraphQLApi
@GraphQLErrors
public class SlaGraphQLApi {

    @Inject
    PolicyService policies;

    @Inject
    HolidayService holidayService;

    @Inject
    QuoteService quotes;

    @Inject
    CallerResolver callers;

    @Query("slaQuote")
    @Description("The response and resolution targets, with dueAt, that a ticket opened at openedAt (default now) would get.")
    public @NonNull QuoteView slaQuote(@Name("priority") @NonNull @Description("The priority to quote.") Priority priority,
            @Name("openedAt") @Description("The opening moment to quote; default now.") Instant openedAt,
            @Name("organizationId") @Id @Description("Quote with this organization's agreement (staff; a client's own is implied); null: the policy's targets.") String organizationId) {
        return quotes.quote(callers.current(), priority, openedAt, QueryParams.uuid(organizationId, "organizationId"));
    }

    @Query("slaPolicies")
    @Description("Every published policy version, oldest first.")
    public @NonNull List<@NonNull PolicyView> slaPolicies() {
        return policies.policies(callers.current());
    }

    @Query("currentSlaPolicy")
    @Description("The policy version in force now.")
    public @NonNull PolicyView currentSlaPolicy() {
        return policies.current(callers.current());
    }

    @Query("holidays")
    @Description("Holidays (dates in the policy's time zone) that business-hours clocks skip.")
    public @NonNull List<@NonNull HolidayView> holidays() {
        return holidayService.holidays(callers.current());
    }

    @Mutation("publishSlaPolicy")
    @Description("Publish a new, immutable policy version (supervisor); in force at once for tickets opened from then on.")
    public @NonNull PolicyView publishSlaPolicy(
            @Name("input") @NonNull @Description("The new policy version.") PolicyInput input) {
        return policies.publish(callers.current(), input);
    }

    @Mutation("setHolidays")
    @Description("Replace the holiday list (supervisor). Closed tickets keep their frozen figures.")
    public @NonNull List<@NonNull HolidayView> setHolidays(
            @Name("holidays") @NonNull @Description("The complete new list.") List<@NonNull HolidayView> holidays) {
        return holidayService.putHolidays(callers.current(), holidays);
    }
}
