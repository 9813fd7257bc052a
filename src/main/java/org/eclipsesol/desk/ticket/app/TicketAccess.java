package org.eclipsesol.desk.ticket.app;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.security.Caller;
import org.eclipsesol.desk.ticket.data.TicketEntity;

/**
 * The one place that decides whether a caller may see a ticket. A client never learns that another
 * organization's ticket exists: it answers 404, exactly like an id that does not exist.
 */
@ApplicationScoped
public class TicketAccess {

    public TicketEntity visible(Caller caller, UUID id) {
        caller.requireTicketUser();
        return check(caller, id, TicketEntity.findById(id));
    }

    /** Loads the ticket row locked for update, so concurrent changes to one ticket serialize. */
    public TicketEntity forUpdate(Caller caller, UUID id) {
        caller.requireTicketUser();
        return check(caller, id, TicketEntity.findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    private static TicketEntity check(Caller caller, UUID id, TicketEntity ticket) {
        if (ticket == null || (caller.isClientOnly() && !ticket.organization.id.equals(caller.organizationId()))) {
            throw ProblemException.notFound("Ticket " + id);
        }
        return ticket;
    }

    /** Parses a path id; a malformed id is indistinguishable from an unknown one. */
    public static UUID parseId(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound("Ticket " + raw);
        }
    }
}
