package org.eclipsesol.desk.ticket.app;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        return check(caller, id, withOrganization(id));
    }

    /**
     * The ticket with its organization and the agreement's target overrides (which its live SLA needs) in one
     * statement instead of three: a single ticket read is the hottest path of the API.
     */
    static TicketEntity withOrganization(UUID id) {
        return TicketEntity.getEntityManager()
                .createQuery("select t from TicketEntity t join fetch t.organization o left join fetch o.targetOverrides"
                        + " where t.id = :id", TicketEntity.class)
                .setParameter("id", id).getResultList().stream().findFirst().orElse(null);
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
        TicketEntity ticket = TicketEntity.<TicketEntity> find("number", n).firstResult();
        if (ticket == null || !maySee(caller, ticket)) {
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
        if (ticket == null || !maySee(caller, ticket)) {
            throw ProblemException.notFound("Ticket " + id);
        }
        return ticket;
    }

    /**
     * Of the given ticket ids, those the caller may see, in one statement (none for staff, who see every
     * ticket). Batch loaders of nested fields pass their ids through this.
     */
    public Set<UUID> visibleIds(Caller caller, Collection<UUID> ids) {
        caller.requireTicketUser();
        if (ids.isEmpty()) {
            return Set.of();
        }
        if (caller.isStaff()) {
            return new HashSet<>(ids);
        }
        return new HashSet<>(TicketEntity.getEntityManager()
                .createQuery("select t.id from TicketEntity t where t.id in :ids and t.organization.id = :own", UUID.class)
                .setParameter("ids", ids).setParameter("own", caller.organizationId()).getResultList());
    }

    /** Of the given ticket ids, the tickets (with their organization) the caller may see, in one statement. */
    public List<TicketEntity> visibleTickets(Caller caller, Collection<UUID> ids) {
        caller.requireTicketUser();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("ids", ids);
        var query = TicketEntity.getEntityManager().createQuery("select t from TicketEntity t join fetch t.organization"
                + " where t.id in :ids and " + visibility(caller, "t", params), TicketEntity.class);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    /**
     * The condition (JPQL, on the ticket alias {@code t}) that restricts a query to the tickets the caller may
     * see; its parameters are added to {@code params}. Every list of tickets starts with it.
     */
    public static String visibility(Caller caller, String t, Map<String, Object> params) {
        if (!caller.isClientOnly()) {
            return "1 = 1";
        }
        params.put("visibleOrg", caller.organizationId());
        return t + ".organization.id = :visibleOrg";
    }

    /**
     * The same condition as {@link #visibility} in native SQL on the ticket table alias {@code t}, with a JDBC
     * placeholder: its value (if any) is added to {@code args}.
     */
    public static String nativeVisibility(Caller caller, String t, java.util.List<Object> args) {
        if (!caller.isClientOnly()) {
            return "true";
        }
        args.add(caller.organizationId());
        return t + ".organization_id = ?";
    }

    private static boolean maySee(Caller caller, TicketEntity ticket) {
        return !caller.isClientOnly() || ticket.organization.id.equals(caller.organizationId());
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
