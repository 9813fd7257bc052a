package org.eclipsesol.desk.ticket.app;

import java.time.Instant;

import org.eclipsesol.desk.ticket.data.TicketEventType;

/** One history entry: who, when, what, before and after. */
public record EventView(long id, Instant at, PersonView actor, TicketEventType type, String field, String before,
        String after, String detail) {
}
