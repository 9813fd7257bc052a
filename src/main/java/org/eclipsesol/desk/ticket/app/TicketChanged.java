package org.eclipsesol.desk.ticket.app;

import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A CDI event fired when a ticket (or something on it) changed; observers see it after commit. */
@RegisterForReflection
public record TicketChanged(UUID ticketId, UUID organizationId, What what) {

    /** What changed. */
    @RegisterForReflection
    public enum What {
        CREATED, UPDATED, COMMENTED, ATTACHMENT_ADDED, ESCALATED, ESCALATION_CLOSED, SLA
    }
}
