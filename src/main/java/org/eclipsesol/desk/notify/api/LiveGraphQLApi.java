package org.eclipsesol.desk.notify.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.common.api.EventContext;
import org.eclipsesol.desk.common.api.GraphQLErrors;
import org.eclipsesol.desk.common.api.GraphQLErrorsInterceptor;
import org.eclipsesol.desk.notify.ClusterEvents;
import org.eclipsesol.desk.security.api.SubscriptionCallers;
import org.eclipsesol.desk.sla.app.AlertKind;
import org.eclipsesol.desk.sla.engine.TargetKind;
import org.eclipsesol.desk.ticket.app.TicketAccess;
import org.eclipsesol.desk.ticket.app.TicketChanged;
import org.eclipsesol.desk.ticket.app.TicketQueries;
import org.eclipsesol.desk.ticket.app.TicketView;

import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The live GraphQL subscriptions, fed by {@link ClusterEvents} (so an event committed on any replica reaches
 * subscribers on every one). Authorization is checked when subscribing and again for every event.
 */
@GraphQLApi
@GraphQLErrors
public class LiveGraphQLApi {

    @Type("SlaAlert")
    @Description("A ticket's target turned AT_RISK or BREACHED (pushed within a minute of the moment, once per moment).")
    public record SlaAlert(@NonNull @Id @Description("The ticket's id.") String ticketId,
            @NonNull @Description("The ticket's number, e.g. T-10042.") String ticketNumber,
            @NonNull @Description("Which target: RESPONSE or RESOLUTION.") TargetKind target,
            @NonNull @Description("AT_RISK or BREACHED.") AlertKind kind,
            @NonNull @Description("When the target reached that moment.") Instant firedAt,
            @Description("When the target falls (or fell) due; null when the clock is paused.") Instant dueAt) {
    }

    @Type("TicketChange")
    @Description("A change to a ticket, pushed after it was committed, with the ticket as the subscriber may see it then.")
    public static final class TicketChange implements EventContext.Carrier {

        private final String ticketId;
        private final TicketChanged.What what;
        private final int version;
        private final Instant at;
        private final TicketView ticket;
        @Ignore
        private final EventContext context;

        TicketChange(String ticketId, TicketChanged.What what, int version, Instant at, TicketView ticket,
                EventContext context) {
            this.ticketId = ticketId;
            this.what = what;
            this.version = version;
            this.at = at;
            this.ticket = ticket;
            this.context = context;
        }

        @Description("The ticket's id.")
        public @NonNull @Id String getTicketId() {
            return ticketId;
        }

        @Description("CREATED, UPDATED, COMMENTED, ATTACHMENT_ADDED, ESCALATED, ESCALATION_CLOSED, SLA or INTERNAL_NOTE_ADDED (staff only).")
        public @NonNull TicketChanged.What getWhat() {
            return what;
        }

        @Description("The ticket's version after the change (its REST ETag): a client holding this version or a later one has the change.")
        public @NonNull int getVersion() {
            return version;
        }

        @Description("When the change was pushed.")
        public @NonNull Instant getAt() {
            return at;
        }

        @Description("The ticket as the subscriber may see it, read after the change committed.")
        public @NonNull TicketView getTicket() {
            return ticket;
        }

        @Ignore
        @Override
        public EventContext eventContext() {
            return context;
        }
    }

    @Inject
    TicketQueries tickets;

    @Inject
    SubscriptionCallers subscriptionCallers;

    @Inject
    ClusterEvents events;

    @Inject
    Clock clock;

    /**
     * Changes to one ticket. The ticket is read through the service as the subscriber for every event: a ticket
     * that is no longer visible is simply not pushed.
     */
    @Subscription("ticketChanged")
    @Description("Changes to one ticket as they are committed (REST, GraphQL, e-mail or the SLA monitor), each with the "
            + "ticket as the subscriber may see it. An invisible or unknown id fails with NOT_FOUND.")
    public Multi<TicketChange> ticketChanged(@Name("id") @NonNull @Id @Description("The ticket's id.") String id) {
        return subscriptionCallers.subscribe((caller, identity) -> {
            UUID ticketId = TicketAccess.parseId(id);
            // Checked at subscribe time (NOT_FOUND ends the subscription) and again for every event below.
            Multi<TicketChanged> mine = events.ticketChanges().filter(c -> c.ticketId().equals(ticketId))
                    .filter(c -> TicketAccess.mayObserve(caller, c.organizationId()))
                    .filter(c -> !c.staffOnly() || caller.isStaff());
            Uni<Void> visible = subscriptionCallers.read(() -> tickets.get(caller, ticketId)).replaceWithVoid();
            return visible.onItem().transformToMulti(v -> subscriptionCallers.perEvent(identity, mine, (c, context) -> {
                try {
                    TicketView ticket = tickets.get(caller, c.ticketId());
                    return new TicketChange(c.ticketId().toString(), c.what(), ticket.version(),
                            clock.instant(), ticket, context);
                } catch (ProblemException gone) {
                    return null;
                }
            }));
        })
                .onFailure().transform(GraphQLErrorsInterceptor::translate);
    }

    @Subscription("slaAlerts")
    @Description("AT_RISK and BREACHED moments as they happen: staff hear about every ticket, a client about their "
            + "organization's only.")
    public Multi<SlaAlert> slaAlerts(
            @Name("kinds") @DefaultValue("[\"AT_RISK\",\"BREACHED\"]") @Description("Which moments to hear about; default both.") List<@NonNull AlertKind> kinds) {
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
