package org.eclipsesol.desk.ticket.app;

import java.util.UUID;

/** A CDI event fired when a ticket (or something on it) changed; observers see it after commit. */
@io.quarkus.runtime.annotations.RegisterForReflection
public record TicketChanged(UUID ticketId, UUID organizationId, String what) {
}
