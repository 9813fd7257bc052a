package org.eclipsesol.desk.ticket.app;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.eclipsesol.desk.common.Ids;
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

    /** A ticket by its human number ({@code T-10042}); an unknown or invisible number answers 404 alike. */
    public TicketEntity visibleByNumber(Caller caller, String number) {
        caller.requireTicketUser();
        String raw = number == null ? "" : number.trim().toUpperCase();
        long n;
        try {
            n = Long.parseLong(raw.startsWith("T-") ? raw.substring(2) : raw);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("Ticket " + number);
        }
        TicketEntity ticket = TicketEntity.<TicketEntity>find("number", n).firstResult();
        if (ticket == null || (caller.isClientOnly() && !ticket.organization.id.equals(caller.organizationId()))) {
            throw ProblemException.notFound("Ticket " + number);
        }
        return ticket;
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

    /**
     * Of the given ticket ids, those the caller may see, in one statement (none for staff, who see every
     * ticket). Batch loaders of nested fields pass their ids through this.
     */
    public java.util.Set<UUID> visibleIds(Caller caller, java.util.Collection<UUID> ids) {
        caller.requireTicketUser();
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        if (caller.isStaff()) {
            return new java.util.HashSet<>(ids);
        }
        return new java.util.HashSet<>(TicketEntity.getEntityManager()
                .createQuery("select t.id from TicketEntity t where t.id in :ids and t.organization.id = :own", UUID.class)
                .setParameter("ids", ids).setParameter("own", caller.organizationId()).getResultList());
    }

    /**
     * Whether news about a ticket of {@code organizationId} may be pushed to the caller (subscriptions check
     * this for every event): staff hear about every ticket, a client only about their organization's.
     */
    public static boolean mayObserve(Caller caller, UUID organizationId) {
        if (caller.isStaff()) {
            return true;
        }
        return caller.isClientOnly() && caller.organizationId() != null && caller.organizationId().equals(organizationId);
    }

    /** Parses a path id; a malformed id is indistinguishable from an unknown one. */
    public static UUID parseId(String raw) {
        return Ids.parse(raw, "Ticket");
    }
}
