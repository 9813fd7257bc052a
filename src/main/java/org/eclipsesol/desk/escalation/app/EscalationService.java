package org.eclipsesol.desk.escalation.app;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipsesol.desk.catalog.EscalationSource;
import org.eclipsesol.desk.catalog.EscalationStatus;
import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.escalation.data.EscalationEntity;
import org.eclipsesol.desk.security.Caller;
import org.eclipsesol.desk.sla.app.AlertKind;
import org.eclipsesol.desk.sla.app.SlaAlertRaised;
import org.eclipsesol.desk.sla.engine.TargetKind;
import org.eclipsesol.desk.ticket.app.TicketAccess;
import org.eclipsesol.desk.ticket.app.TicketChanged;
import org.eclipsesol.desk.ticket.app.TicketChanged.What;
import org.eclipsesol.desk.ticket.app.TicketHistory;
import org.eclipsesol.desk.ticket.app.TicketLifecycle;
import org.eclipsesol.desk.ticket.data.TicketEntity;
import org.eclipsesol.desk.ticket.data.TicketEventType;

/**
 * Escalations: raised by a client or staff with a reason, by e-mail, or automatically on a resolution
 * breach; acknowledged and closed by supervisors. A ticket shows {@code escalated} while one is not closed.
 */
@ApplicationScoped
public class EscalationService {

    @Inject
    Clock clock;

    @Inject
    TicketAccess access;

    @Inject
    TicketHistory history;

    @Inject
    TicketLifecycle lifecycle;

    @Inject
    Event<EscalationRaised> raised;

    @Inject
    Event<TicketChanged> changes;

    @Transactional
    public EscalationView escalate(Caller caller, UUID ticketId, @Valid @NotNull EscalationInput input) {
        TicketEntity ticket = access.forUpdate(caller, ticketId);
        return raise(ticket, caller, input.reason().trim(), caller.isStaff() ? EscalationSource.STAFF : EscalationSource.CLIENT,
                clock.instant());
    }

    /** Also used by e-mail intake ("ESCALATE" in the subject). */
    public EscalationView raise(TicketEntity ticket, Caller caller, String reason, EscalationSource source, Instant now) {
        if (ticket.status.isFinal()) {
            throw ProblemException.conflict("A " + ticket.status + " ticket cannot be escalated.");
        }
        // One escalation per level: while the current one is open, a repeat changes nothing (and e-mails nobody).
        // The ticket row is locked, so two concurrent requests cannot both pass; a unique index backs this up.
        List<EscalationEntity> earlier = EscalationEntity.list("ticketId", ticket.id);
        EscalationEntity open = openOf(earlier);
        if (open != null) {
            throw ProblemException.conflict("This ticket is already escalated (level " + open.level + ", " + open.status
                    + "); a supervisor handles it. It can be escalated again once that escalation is closed.");
        }
        return raise(ticket, earlier.size() + 1, caller, reason, source, now);
    }

    /** The open escalation with the highest level (a ticket has at most one), or null. */
    private static EscalationEntity openOf(List<EscalationEntity> escalations) {
        return escalations.stream().filter(e -> e.status != EscalationStatus.CLOSED)
                .max(Comparator.comparingInt(e -> e.level)).orElse(null);
    }

    private EscalationView raise(TicketEntity ticket, int level, Caller caller, String reason, EscalationSource source,
            Instant now) {
        EscalationEntity e = new EscalationEntity();
        e.id = UUID.randomUUID();
        e.ticketId = ticket.id;
        e.level = level;
        e.reason = reason;
        e.source = source;
        e.raisedBy = caller == null ? null : caller.id();
        e.raisedByName = caller == null ? "Support Desk" : caller.name();
        e.raisedAt = now;
        e.status = EscalationStatus.OPEN;
        e.persist();
        lifecycle.markEscalated(caller, ticket, now, "level " + e.level + ": " + reason);
        raised.fire(new EscalationRaised(e.id, ticket.id, ticket.displayNumber(), e.level, reason, source));
        changes.fire(new TicketChanged(ticket.id, ticket.organization.id, What.ESCALATED));
        return view(e);
    }

    /** A resolution breach escalates automatically (once per breach moment: alerts are exactly-once). */
    void onBreach(@Observes SlaAlertRaised alert) {
        if (alert.target() != TargetKind.RESOLUTION || alert.kind() != AlertKind.BREACHED) {
            return;
        }
        TicketEntity ticket = TicketEntity.findById(alert.ticketId());
        if (ticket == null || ticket.status.isFinal()) {
            return;
        }
        List<EscalationEntity> earlier = EscalationEntity.list("ticketId", ticket.id);
        if (openOf(earlier) == null) {
            raise(ticket, earlier.size() + 1, null, "Resolution target breached (due " + alert.dueAt() + ").",
                    EscalationSource.SLA_BREACH, alert.firedAt());
        }
    }

    public List<EscalationView> forTicket(Caller caller, UUID ticketId) {
        TicketEntity ticket = access.visible(caller, ticketId);
        return EscalationEntity.<EscalationEntity> list("ticketId = ?1 order by raisedAt", ticket.id).stream()
                .map(EscalationService::view).toList();
    }

    public List<EscalationView> open(Caller caller) {
        caller.requireSupervisor();
        return EscalationEntity.<EscalationEntity> list("status <> ?1 order by raisedAt", EscalationStatus.CLOSED).stream()
                .map(EscalationService::view).toList();
    }

    @Transactional
    public EscalationView acknowledge(Caller caller, UUID escalationId) {
        caller.requireSupervisor();
        EscalationEntity e = find(escalationId);
        if (e.status != EscalationStatus.OPEN) {
            throw ProblemException.conflict("Only an OPEN escalation can be acknowledged; this one is " + e.status + ".");
        }
        Instant now = clock.instant();
        TicketEntity ticket = access.forUpdate(caller, e.ticketId);
        e.status = EscalationStatus.ACKNOWLEDGED;
        e.acknowledgedBy = caller.id();
        e.acknowledgedAt = now;
        history.record(ticket, caller, now, TicketEventType.ESCALATION_ACKNOWLEDGED, null, EscalationStatus.OPEN,
                EscalationStatus.ACKNOWLEDGED,
                "level " + e.level, false);
        return view(e);
    }

    @Transactional
    public EscalationView close(Caller caller, UUID escalationId) {
        caller.requireSupervisor();
        EscalationEntity e = find(escalationId);
        if (e.status == EscalationStatus.CLOSED) {
            throw ProblemException.conflict("This escalation is already closed.");
        }
        Instant now = clock.instant();
        TicketEntity ticket = access.forUpdate(caller, e.ticketId);
        EscalationStatus before = e.status;
        e.status = EscalationStatus.CLOSED;
        e.closedBy = caller.id();
        e.closedAt = now;
        history.record(ticket, caller, now, TicketEventType.ESCALATION_CLOSED, null, before, EscalationStatus.CLOSED,
                "level " + e.level,
                false);
        lifecycle.escalationClosed(ticket, now,
                EscalationEntity.count("ticketId = ?1 and status <> ?2 and id <> ?3", ticket.id, EscalationStatus.CLOSED,
                        e.id) > 0);
        changes.fire(new TicketChanged(ticket.id, ticket.organization.id, What.ESCALATION_CLOSED));
        return view(e);
    }

    private static EscalationEntity find(UUID id) {
        EscalationEntity e = EscalationEntity.findById(id);
        if (e == null) {
            throw ProblemException.notFound("Escalation " + id);
        }
        return e;
    }

    static EscalationView view(EscalationEntity e) {
        return new EscalationView(e.id, e.ticketId, e.level, e.reason, e.source, e.raisedBy, e.raisedByName, e.raisedAt,
                e.status, e.acknowledgedBy, e.acknowledgedAt, e.closedBy, e.closedAt);
    }
}
