package org.eclipsesol.desk.ticket.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.eclipsesol.desk.catalog.TicketStatus;
import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.security.Caller;
import org.eclipsesol.desk.ticket.app.TicketChanged.What;
import org.eclipsesol.desk.ticket.data.TicketEntity;
import org.eclipsesol.desk.ticket.data.TicketEventType;

/**
 * The ticket lifecycle: which status moves exist and who may ask for them, their side effects (first response,
 * resolution, closing), the automatic close after the reopen window, and the escalated flag.
 */
@ApplicationScoped
public class TicketLifecycle {

    /** A client may reopen a resolved ticket for this long; after it the ticket closes by itself. */
    public static final Duration REOPEN_WINDOW = Duration.ofDays(7);

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    TicketHistory history;

    @Inject
    TicketSlaService sla;

    @Inject
    Event<TicketChanged> changes;

    /** The lifecycle (409 for a transition it does not have) and who may ask for it (403). */
    void checkTransition(Caller caller, TicketEntity ticket, TicketStatus target, Instant now) {
        if (!ticket.status.next().contains(target)) {
            throw ProblemException.conflict("A " + ticket.status + " ticket cannot move to " + target + ".");
        }
        if (caller.isStaff()) {
            return;
        }
        boolean own = isRequester(caller, ticket);
        switch (target) {
            case CLOSED, CANCELLED -> {
                if (!own) {
                    throw ProblemException.forbidden("Only the requester may confirm or cancel this ticket.");
                }
            }
            case IN_PROGRESS -> {
                if (ticket.status != TicketStatus.RESOLVED) {
                    throw ProblemException.forbidden("Clients may only reopen resolved tickets.");
                }
                if (ticket.resolvedAt != null && ticket.resolvedAt.plus(REOPEN_WINDOW).isBefore(now)) {
                    throw ProblemException.conflict("A ticket can be reopened within 7 days of its resolution.");
                }
            }
            default -> throw ProblemException.forbidden("Clients may only confirm, cancel or reopen their tickets.");
        }
    }

    /** Applies an already checked status change with its side effects and history. */
    void applyStatus(Caller actor, TicketEntity ticket, TicketStatus target, Instant now) {
        TicketStatus before = ticket.status;
        history.record(ticket, actor, now, TicketEventType.STATUS_CHANGED, "status", before, target, null, false);
        ticket.status = target;
        TicketSlaService.recordStatus(ticket, target, now);
        if (before == TicketStatus.NEW && ticket.firstResponseAt == null && actor != null && actor.isStaff()) {
            markResponded(actor, ticket, now, "status changed to " + target);
        }
        switch (target) {
            case RESOLVED -> ticket.resolvedAt = now;
            case IN_PROGRESS -> {
                if (before == TicketStatus.RESOLVED) {
                    ticket.resolvedAt = null;
                }
            }
            case CLOSED, CANCELLED -> ticket.closedAt = now;
            default -> {
            }
        }
    }

    void markResponded(Caller actor, TicketEntity ticket, Instant now, String how) {
        ticket.firstResponseAt = now;
        history.record(ticket, actor, now, TicketEventType.RESPONDED, null, null, null, how, false);
    }

    /**
     * Marks the ticket escalated (the escalation feature calls this when it raises one), with its history event;
     * the caller announces the change.
     */
    public void markEscalated(Caller actor, TicketEntity ticket, Instant now, String detail) {
        history.record(ticket, actor, now, TicketEventType.ESCALATED, "escalated", ticket.escalated, true, detail, false);
        ticket.escalated = true;
        ticket.updatedAt = now;
    }

    /** The ticket's escalation ended; {@code stillEscalated} when another one is still not closed. */
    public void escalationClosed(TicketEntity ticket, Instant now, boolean stillEscalated) {
        if (!stillEscalated) {
            ticket.escalated = false;
        }
        ticket.updatedAt = now;
    }

    /** Closes tickets resolved more than {@link #REOPEN_WINDOW} ago (the policy's automatic confirmation). */
    @Transactional
    public int closeExpiredResolutions() {
        Instant now = clock.instant();
        List<TicketEntity> due = em.createQuery(
                "select t from TicketEntity t where t.status = :resolved and t.resolvedAt < :limit", TicketEntity.class)
                .setParameter("resolved", TicketStatus.RESOLVED).setParameter("limit", now.minus(REOPEN_WINDOW))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2)
                .setMaxResults(200).getResultList();
        for (TicketEntity ticket : due) {
            applyStatus(null, ticket, TicketStatus.CLOSED, now);
            ticket.updatedAt = now;
            sla.refresh(ticket, now);
            changes.fire(new TicketChanged(ticket.id, ticket.organization.id, What.UPDATED));
        }
        return due.size();
    }

    /**
     * Whether the caller opened this ticket: the token subject decides. Only a ticket opened on someone's behalf
     * (by staff, or by e-mail) has no requester subject; there the requester's e-mail counts, which a client can
     * only reach with a verified address (see CallerResolver).
     */
    static boolean isRequester(Caller caller, TicketEntity ticket) {
        if (ticket.requesterId != null) {
            return ticket.requesterId.equals(caller.id());
        }
        return caller.email() != null && caller.email().equalsIgnoreCase(ticket.requesterEmail);
    }
}
