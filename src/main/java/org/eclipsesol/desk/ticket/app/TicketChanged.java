package org.eclipsesol.desk.ticket.app;

import java.util.UUID;

import org.eclipse.microprofile.graphql.Enum;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A CDI event fired when a ticket (or something on it) changed; observers see it after commit. */
@RegisterForReflection
public record TicketChanged(UUID ticketId, UUID organizationId, What what) {

    /** What changed. */
    @RegisterForReflection
    @Enum("TicketChangeKind")
    public enum What {
        CREATED,
        UPDATED,
        COMMENTED,
        ATTACHMENT_ADDED,
        ESCALATED,
        ESCALATION_CLOSED,
        SLA,
        /** An internal note: only staff may hear of it (clients would learn that something happened). */
        INTERNAL_NOTE_ADDED
    }

    /** Whether only staff may be told about this change. */
    public boolean staffOnly() {
        return what == What.INTERNAL_NOTE_ADDED;
    }
}
