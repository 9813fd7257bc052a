package org.eclipsesol.desk.ticket.app;

import java.time.Instant;
import java.util.UUID;

import org.eclipsesol.desk.ticket.data.TicketEventType;

/**
 * A CDI event fired synchronously, inside the transaction, for every event appended to a ticket's history
 * ({@link TicketHistory#record}). Observers that write rows (the notification outbox) therefore write them in the
 * same transaction as the change: they commit or roll back together. {@code actorStaff} is false for clients and
 * for the system (no actor).
 */
public record TicketEventRecorded(UUID ticketId, TicketEventType type, String field, String before, String after,
        String detail, boolean internal, String actorId, String actorName, boolean actorStaff, Instant occurredAt) {
}
