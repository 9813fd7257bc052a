package org.eclipsesol.desk.ticket.api;

import java.time.Clock;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.common.api.GraphQLErrors;
import org.eclipsesol.desk.common.api.GraphQLErrorsInterceptor;
import org.eclipsesol.desk.notify.ClusterEvents;
import org.eclipsesol.desk.security.api.SubscriptionCallers;
import org.eclipsesol.desk.ticket.api.TicketGraphQLTypes.TicketChange;
import org.eclipsesol.desk.ticket.app.TicketAccess;
import org.eclipsesol.desk.ticket.app.TicketChanged;
import org.eclipsesol.desk.ticket.app.TicketService;

import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * {@code ticketChanged}: changes to one ticket, pushed after commit. Authorization is checked when subscribing
 * (the ticket must be visible) and again for every event, by reading the ticket through the service as the
 * subscriber: a ticket that is no longer visible is simply not pushed.
 */
@GraphQLApi
@GraphQLErrors
public class TicketSubscriptionGraphQLApi {

    @Inject
    TicketService tickets;

    @Inject
    SubscriptionCallers subscriptionCallers;

    @Inject
    ClusterEvents events;

    @Inject
    Clock clock;

    @Subscription("ticketChanged")
    @Description("Changes to one ticket as they are committed (REST, GraphQL, e-mail or the SLA monitor), each with the "
            + "ticket as the subscriber may see it. An invisible or unknown id fails with NOT_FOUND.")
    public Multi<TicketChange> ticketChanged(@Name("id") @NonNull @Id String id) {
        return subscriptionCallers.subscribe(caller -> {
            java.util.UUID ticketId = TicketAccess.parseId(id);
            // Checked at subscribe time (NOT_FOUND ends the subscription) and again for every event below.
            Multi<TicketChanged> mine = events.ticketChanges().filter(c -> c.ticketId().equals(ticketId))
                    .filter(c -> TicketAccess.mayObserve(caller, c.organizationId()))
                    .filter(c -> !c.staffOnly() || caller.isStaff());
            Uni<Void> visible = subscriptionCallers.read(() -> tickets.get(caller, ticketId)).replaceWithVoid();
            return visible.onItem().transformToMulti(v -> mine)
                    .onItem().transformToUniAndConcatenate(c -> subscriptionCallers.read(() -> {
                        try {
                            return new TicketChange(c.ticketId().toString(), c.what(), clock.instant(),
                                    tickets.get(caller, c.ticketId()));
                        } catch (ProblemException gone) {
                            return null;
                        }
                    }));
        })
                .onFailure().transform(GraphQLErrorsInterceptor::translate);
    }
}
