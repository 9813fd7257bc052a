package org.eclipsesol.desk.ticket.app;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipsesol.desk.ticket.data.TicketEventType;

/** One history entry: who, when, what, before and after. */
@Type("TicketEvent")
@Description("One entry of a ticket's history: who, when, what, before and after. Clients see no internal events.")
public record EventView(long id, Instant at, PersonView actor, TicketEventType type, String field, String before,
        String after, String detail) {
}
