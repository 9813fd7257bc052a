package org.eclipsesol.desk.ticket.app;

import java.util.UUID;

/** A CDI event fired when a ticket (or something on it) changed; observers see it after commit. */
@io.quarkus.runtime.annotations.RegisterForReflection
public record TicketChanged(UUID ticketId, UUID organizationId, String what) {

    /** An internal note: only staff may hear of it (clients would learn that something happened). */
    public static final String INTERNAL_NOTE_ADDED = "INTERNAL_NOTE_ADDED";

    /** Whether only staff may be told about this change. */
    public boolean staffOnly() {
        return INTERNAL_NOTE_ADDED.equals(what);
    }
}
