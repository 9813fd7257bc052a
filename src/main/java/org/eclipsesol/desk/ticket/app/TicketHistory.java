package org.eclipsesol.desk.ticket.app;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.eclipsesol.desk.security.Caller;
import org.eclipsesol.desk.ticket.data.TicketEntity;
import org.eclipsesol.desk.ticket.data.TicketEventEntity;
import org.eclipsesol.desk.ticket.data.TicketEventType;

/** Appends events to a ticket's history, and announces each one in the transaction ({@link TicketEventRecorded}). */
@ApplicationScoped
public class TicketHistory {

    @Inject
    Event<TicketEventRecorded> recorded;

    public TicketEventEntity record(TicketEntity ticket, Caller actor, Instant at, TicketEventType type, String field,
            Object before, Object after, String detail, boolean internal) {
        TicketEventEntity event = new TicketEventEntity();
        event.ticketId = ticket.id;
        event.occurredAt = at;
        event.actorId = actor == null ? null : actor.id();
        event.actorName = actor == null ? "Support Desk" : actor.name();
        event.type = type;
        event.field = field;
        event.before = before == null ? null : before.toString();
        event.after = after == null ? null : after.toString();
        event.detail = detail;
        event.internal = internal;
        event.persist();
        recorded.fire(new TicketEventRecorded(ticket.id, type, field, event.before, event.after, detail, internal,
                event.actorId, event.actorName, actor != null && actor.isStaff(), at));
        return event;
    }
}
