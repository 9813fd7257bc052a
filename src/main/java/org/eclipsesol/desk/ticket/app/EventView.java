package org.eclipsesol.desk.ticket.app;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipsesol.desk.ticket.data.TicketEventType;

/** One history entry: who, when, what, before and after. */
@Type("TicketEvent")
@Description("One entry of a ticket's history: who, when, what, before and after. Clients see no internal events.")
public record EventView(@NonNull @Id @Description("The event's id; later events have greater ids.") long id,
        @NonNull @Description("When it happened.") Instant at,
        @NonNull @Description("Who did it (id and name null for the system).") PersonView actor,
        @NonNull @Description("What happened.") TicketEventType type,
        @Description("The field that changed, for changes of one field.") String field,
        @Description("The value before the change, if any.") String before,
        @Description("The value after the change, if any.") String after,
        @Description("More about the event, e.g. a reason or a file name.") String detail) {
}
