package org.eclipsesol.desk.ticket.api;

import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipsesol.desk.sla.app.SlaView;
import org.eclipsesol.desk.sla.app.TargetSource;
import org.eclipsesol.desk.sla.app.TargetView;

/** A ticket's SLA in GraphQL: the REST {@code sla} object plus a batched {@code timeline}. */
@Type("TicketSla")
@Description("A ticket's SLA: the policy version it is pinned to, both targets, where the targets came from "
        + "(POLICY, AGREEMENT or OVERRIDE with the supervisor's reason), and on request the explaining timeline.")
public record TicketSla(@Ignore UUID ticketId,
        @NonNull @Description("The policy version the ticket is pinned to (the one in force when it was opened).") int policyVersion,
        @NonNull @Description("The response target.") TargetView response,
        @NonNull @Description("The resolution target.") TargetView resolution,
        @NonNull @Description("Where the targets come from: the policy, the organization's agreement, or a supervisor's override.") TargetSource targetSource,
        @Description("The supervisor's reason when targetSource is OVERRIDE; null otherwise.") String overrideReason,
        @Description("True once the ticket is closed or cancelled: the figures no longer change.") @NonNull boolean frozen) {

    public static TicketSla of(UUID ticketId, SlaView sla) {
        return new TicketSla(ticketId, sla.policyVersion(), sla.response(), sla.resolution(), sla.targetSource(),
                sla.overrideReason(), sla.frozen());
    }
}
