package org.eclipsesol.desk.escalation.api;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipsesol.desk.common.Ids;
import org.eclipsesol.desk.common.api.GraphQLErrors;
import org.eclipsesol.desk.escalation.app.EscalationInput;
import org.eclipsesol.desk.escalation.app.EscalationService;
import org.eclipsesol.desk.escalation.app.EscalationView;
import org.eclipsesol.desk.security.CallerResolver;
import org.eclipsesol.desk.ticket.app.TicketAccess;

/** Escalating a ticket and the supervisors' escalation queue over GraphQL. */
@GraphQLApi
@GraphQLErrors
public class EscalationGraphQLApi {

    @Inject
    EscalationService escalations;

    @Inject
    CallerResolver callers;

    @Query("openEscalations")
    @Description("Escalations not yet closed (supervisor).")
    public @NonNull List<@NonNull EscalationView> openEscalations() {
        return escalations.open(callers.current());
    }

    @Mutation("acknowledgeEscalation")
    @Description("Acknowledge an OPEN escalation (supervisor).")
    public @NonNull EscalationView acknowledgeEscalation(
            @Name("id") @NonNull @Id @Description("The escalation's id.") String id) {
        return escalations.acknowledge(callers.current(), Ids.parse(id, "Escalation"));
    }

    @Mutation("closeEscalation")
    @Description("Close an escalation (supervisor); the ticket stops showing escalated when none is left open.")
    public @NonNull EscalationView closeEscalation(@Name("id") @NonNull @Id @Description("The escalation's id.") String id) {
        return escalations.close(callers.current(), Ids.parse(id, "Escalation"));
    }

    @Mutation("escalateTicket")
    @Description("Escalate an open ticket with a reason; supervisors are notified.")
    public @NonNull EscalationView escalateTicket(
            @Name("ticketId") @NonNull @Id @Description("The ticket's id.") String ticketId,
            @Name("input") @NonNull @Description("Why the ticket is escalated.") EscalationInput input) {
        return escalations.escalate(callers.current(), TicketAccess.parseId(ticketId), input);
    }
}
