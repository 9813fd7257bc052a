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
public record TicketSla(@Ignore UUID ticketId, @NonNull int policyVersion, @NonNull TargetView response,
        @NonNull TargetView resolution, @NonNull TargetSource targetSource, String overrideReason,
        @Description("True once the ticket is closed or cancelled: the figures no longer change.") @NonNull boolean frozen) {

    public static TicketSla of(UUID ticketId, SlaView sla) {
        return new TicketSla(ticketId, sla.policyVersion(), sla.response(), sla.resolution(), sla.targetSource(),
                sla.overrideReason(), sla.frozen());
    }
}
