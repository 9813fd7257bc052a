package org.eclipsesol.desk.sla.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.eclipse.microprofile.graphql.Type;
import org.eclipsesol.desk.catalog.Priority;
import org.eclipsesol.desk.common.QueryParams;
import org.eclipsesol.desk.common.api.GraphQLErrors;
import org.eclipsesol.desk.common.api.GraphQLErrorsInterceptor;
import org.eclipsesol.desk.notify.ClusterEvents;
import org.eclipsesol.desk.security.CallerResolver;
import org.eclipsesol.desk.security.api.SubscriptionCallers;
import org.eclipsesol.desk.sla.app.HolidayView;
import org.eclipsesol.desk.sla.app.OverrideInput;
import org.eclipsesol.desk.sla.app.PolicyInput;
import org.eclipsesol.desk.sla.app.PolicyView;
import org.eclipsesol.desk.sla.app.QuoteView;
import org.eclipsesol.desk.sla.app.SlaPolicyService;
import org.eclipsesol.desk.sla.app.TimelineView;
import org.eclipsesol.desk.sla.engine.TargetKind;
import org.eclipsesol.desk.ticket.app.TicketAccess;

import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;

/** SLA policies, holidays, quotes, overrides, timelines and live SLA alerts over GraphQL. */
@GraphQLApi
@GraphQLErrors
public class SlaGraphQLApi {

    @Type("SlaAlert")
    @Description("A ticket's target turned AT_RISK or BREACHED (pushed within a minute of the moment, once per moment).")
    public record SlaAlert(@NonNull @Id String ticketId, @NonNull String ticketNumber, @NonNull TargetKind target,
            @NonNull @Description("AT_RISK or BREACHED.") String kind, @NonNull Instant firedAt, Instant dueAt) {
    }

    @Inject
    SlaPolicyService policies;

    @Inject
    CallerResolver callers;

    @Inject
    SubscriptionCallers subscriptionCallers;

    @Inject
    ClusterEvents events;

    @Query("slaQuote")
    @Description("The response and resolution targets, with dueAt, that a ticket opened at openedAt (default now) would get.")
    public @NonNull QuoteView slaQuote(@Name("priority") @NonNull Priority priority, @Name("openedAt") Instant openedAt,
            @Name("organizationId") @Id String organizationId) {
        return policies.quote(callers.current(), priority, openedAt, QueryParams.uuid(organizationId, "organizationId"));
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
        return policies.holidays(callers.current());
    }

    @Description("How each target's elapsed time is made up (segments derived from the ticket's events).")
    public List<TimelineView> timeline(@Source List<TicketSla> slas) {
        Map<UUID, TimelineView> found = policies.timelines(callers.current(),
                slas.stream().map(TicketSla::ticketId).distinct().toList());
        return slas.stream().map(s -> found.get(s.ticketId())).toList();
    }

    @Mutation("publishSlaPolicy")
    @Description("Publish a new, immutable policy version (supervisor); in force at once for tickets opened from then on.")
    public @NonNull PolicyView publishSlaPolicy(@Name("input") @NonNull PolicyInput input) {
        return policies.publish(callers.current(), input);
    }

    @Mutation("setHolidays")
    @Description("Replace the holiday list (supervisor). Closed tickets keep their frozen figures.")
    public @NonNull List<@NonNull HolidayView> setHolidays(@Name("holidays") @NonNull List<@NonNull HolidayView> holidays) {
        return policies.putHolidays(callers.current(), holidays);
    }

    @Mutation("overrideSla")
    @Description("Override a ticket's targets with a reason (supervisor).")
    public @NonNull TicketSla overrideSla(@Name("ticketId") @NonNull @Id String ticketId,
            @Name("input") @NonNull OverrideInput input) {
        UUID id = TicketAccess.parseId(ticketId);
        return TicketSla.of(id, policies.override(callers.current(), id, input));
    }

    @Subscription("slaAlerts")
    @Description("AT_RISK and BREACHED moments as they happen: staff hear about every ticket, a client about their "
            + "organization's only.")
    public Multi<SlaAlert> slaAlerts(@Name("kinds") @DefaultValue("[\"AT_RISK\",\"BREACHED\"]") List<String> kinds) {
        return subscriptionCallers.subscribe(caller -> {
            caller.requireTicketUser();
            return events.slaAlerts()
                    .filter(a -> TicketAccess.mayObserve(caller, a.organizationId()))
                    .filter(a -> kinds == null || kinds.contains(a.kind()))
                    .map(a -> new SlaAlert(a.ticketId().toString(), a.ticketNumber(), a.target(), a.kind(),
                            a.firedAt(), a.dueAt()));
        })
                .onFailure().transform(GraphQLErrorsInterceptor::translate);
    }
}
