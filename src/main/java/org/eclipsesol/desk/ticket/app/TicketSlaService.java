package org.eclipsesol.desk.ticket.app;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.eclipsesol.desk.catalog.TicketStatus;
import org.eclipsesol.desk.sla.app.AlertKind;
import org.eclipsesol.desk.sla.app.SlaAlertRaised;
import org.eclipsesol.desk.sla.app.SlaAlerts;
import org.eclipsesol.desk.sla.app.SlaCalculator;
import org.eclipsesol.desk.sla.app.SlaState;
import org.eclipsesol.desk.sla.app.SlaSubject;
import org.eclipsesol.desk.sla.app.SlaView;
import org.eclipsesol.desk.sla.app.TargetView;
import org.eclipsesol.desk.sla.engine.PhaseChange;
import org.eclipsesol.desk.sla.engine.SlaEvaluation;
import org.eclipsesol.desk.sla.engine.TargetStatus;
import org.eclipsesol.desk.sla.engine.TicketClockHistory;
import org.eclipsesol.desk.sla.engine.TicketPhase;
import org.eclipsesol.desk.ticket.data.TicketEntity;
import org.eclipsesol.desk.ticket.data.TicketEventEntity;
import org.eclipsesol.desk.ticket.data.TicketEventType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A ticket's SLA: what the SLA feature is told about the ticket, the live or frozen view, and the derived SLA
 * columns with their alerts, kept in the transaction of each change. The ticket owns its columns and its history;
 * the SLA feature only computes.
 */
@ApplicationScoped
public class TicketSlaService {

    @Inject
    SlaCalculator calculator;

    @Inject
    SlaAlerts alerts;

    @Inject
    ObjectMapper json;

    @Inject
    Event<SlaAlertRaised> raised;

    public static SlaSubject subject(TicketEntity t, TicketClockHistory history) {
        return new SlaSubject(t.policyVersion, t.priority, t.organization, t.responseOverrideSeconds,
                t.resolutionOverrideSeconds, t.overrideReason, history);
    }

    public static SlaSubject subject(TicketEntity t) {
        return subject(t, historyOf(t));
    }

    /** The clock history as the ticket's compact phase log tells it. */
    public static TicketClockHistory historyOf(TicketEntity ticket) {
        return new TicketClockHistory(ticket.openedAt, PhaseLog.read(ticket.phaseLog), ticket.firstResponseAt,
                ticket.exclusion != null);
    }

    /** Appends a status change to the ticket's phase log (called with every STATUS_CHANGED event). */
    public static void recordStatus(TicketEntity ticket, TicketStatus status, Instant at) {
        ticket.phaseLog = PhaseLog.append(ticket.phaseLog, at, SlaCalculator.phaseOf(status));
    }

    /** The ticket's SLA: the figures frozen at close or cancel, else the live evaluation at {@code now}. */
    public SlaView view(TicketEntity ticket, Instant now) {
        if (ticket.slaFinal != null) {
            try {
                return json.readValue(ticket.slaFinal, SlaView.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Unreadable frozen SLA of ticket " + ticket.id, e);
            }
        }
        return calculator.view(subject(ticket), now);
    }

    /** The derived SLA figures as the ticket's columns hold them. */
    public static SlaState storedState(TicketEntity t) {
        return new SlaState(status(t.slaResponseStatus), status(t.slaResolutionStatus), t.slaResponseDueAt,
                t.slaResolutionDueAt, t.slaDueAt, t.slaNextCheckAt);
    }

    private static TargetStatus status(String column) {
        return column == null ? null : TargetStatus.valueOf(column);
    }

    /**
     * Writes the ticket's live SLA columns and decided figures at {@code now} and returns the evaluation: changes no
     * other column and raises no alert. Opening a ticket calls it before the INSERT (so the INSERT carries them) and
     * raises the alerts with {@link #raiseReached} once the ticket row exists.
     */
    public SlaEvaluation derive(TicketEntity ticket, Instant now) {
        SlaSubject subject = subject(ticket);
        return derive(ticket, subject, calculator.targetsFor(subject), now);
    }

    private SlaEvaluation derive(TicketEntity ticket, SlaSubject subject, SlaCalculator.ResolvedTargets targets,
            Instant now) {
        SlaEvaluation evaluation = SlaCalculator.evaluate(targets, subject.history(), now);
        write(ticket, SlaState.of(evaluation, now));
        storeFigures(ticket, subject.history(), TargetView.of(evaluation.response()),
                TargetView.of(evaluation.resolution()), now);
        return evaluation;
    }

    /** Records an AT_RISK/BREACHED alert (event + CDI event) for each moment the evaluation reached, once each. */
    public void raiseReached(TicketEntity ticket, SlaEvaluation evaluation, Instant now) {
        for (SlaAlerts.Due due : SlaAlerts.reached(evaluation)) {
            if (alerts.claim(ticket.id, due, now)) {
                alerted(ticket, due, now);
            }
        }
    }

    /**
     * Re-derives the ticket's SLA columns at {@code now}, in the caller's transaction, and records an
     * AT_RISK/BREACHED alert (event + CDI event) the first time each moment is reached. Closing or
     * cancelling freezes the figures. Returns whether a stored column changed.
     */
    public boolean refresh(TicketEntity ticket, Instant now) {
        if (ticket.slaFinal != null) {
            return false;
        }
        SlaState before = storedState(ticket);
        SlaSubject subject = subject(ticket);
        SlaCalculator.ResolvedTargets targets = calculator.targetsFor(subject);
        SlaEvaluation evaluation = derive(ticket, subject, targets, now);
        raiseReached(ticket, evaluation, now);
        if (ticket.status.isFinal()) {
            try {
                ticket.slaFinal = json.writeValueAsString(SlaCalculator.view(subject, targets, evaluation, true));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot freeze the SLA of ticket " + ticket.id, e);
            }
            ticket.slaNextCheckAt = null;
        }
        return ticket.slaFinal != null || !before.equals(storedState(ticket));
    }

    /**
     * Derives the decided figures of a ticket written before they were stored (V10), from its frozen figures or a
     * live evaluation at {@code now}; changes no other column and raises no alert.
     */
    public void backfillFigures(TicketEntity ticket, Instant now) {
        if (ticket.slaFinal != null) {
            SlaView view = view(ticket, now);
            storeFigures(ticket, historyOf(ticket), view.response(), view.resolution(), null);
            return;
        }
        derive(ticket, now);
    }

    /**
     * Stores what is decided for good (reports aggregate it in SQL): per target, once met, whether on time, the
     * moment, the clock time and the calendar time up to it; null while not met (reports evaluate those live).
     */
    static void storeFigures(TicketEntity ticket, TicketClockHistory history, TargetView response, TargetView resolution,
            Instant evaluatedAt) {
        ticket.slaFiguresVersion = 1;
        // what this evaluation saw (null for frozen figures): the report extends a breached unmet target from here
        ticket.slaEvaluatedAt = evaluatedAt;
        ticket.slaRunning = evaluatedAt == null ? null : SlaCalculator.phaseOf(ticket.status) == TicketPhase.OPEN;
        ticket.slaResponseElapsedAtMicros = evaluatedAt == null ? null : micros(response.elapsed());
        ticket.slaResolutionElapsedAtMicros = evaluatedAt == null ? null : micros(resolution.elapsed());
        boolean responded = response.metAt() != null;
        ticket.slaResponseOnTime = responded ? response.elapsed().compareTo(response.target()) <= 0 : null;
        ticket.slaResponseMetAt = responded ? response.metAt() : null;
        ticket.slaResponseElapsedMicros = responded ? micros(response.elapsed()) : null;
        ticket.slaResponseCalendarMicros = responded ? micros(Duration.between(ticket.openedAt, response.metAt())) : null;
        boolean resolved = resolution.metAt() != null;
        ticket.slaResolutionOnTime = resolved ? resolution.elapsed().compareTo(resolution.target()) <= 0 : null;
        ticket.slaResolutionMetAt = resolved ? resolution.metAt() : null;
        ticket.slaResolutionElapsedMicros = resolved ? micros(resolution.elapsed()) : null;
        ticket.slaResolutionCalendarMicros = resolved ? micros(Duration.between(ticket.openedAt, resolution.metAt())) : null;
        int reopens = 0;
        TicketPhase previous = TicketPhase.OPEN;
        for (PhaseChange change : history.changes()) {
            if ((previous == TicketPhase.RESOLVED) && (change.phase() == TicketPhase.OPEN
                    || change.phase() == TicketPhase.WAITING)) {
                reopens++;
            }
            previous = change.phase();
        }
        ticket.reopenCount = reopens;
    }

    private static long micros(Duration d) {
        return d.getSeconds() * 1_000_000L + d.getNano() / 1_000;
    }

    private static void write(TicketEntity ticket, SlaState state) {
        ticket.slaResponseStatus = state.responseStatus().name();
        ticket.slaResolutionStatus = state.resolutionStatus().name();
        ticket.slaResponseDueAt = state.responseDueAt();
        ticket.slaResolutionDueAt = state.resolutionDueAt();
        ticket.slaDueAt = state.dueAt();
        ticket.slaNextCheckAt = state.nextCheckAt();

    }

    private void alerted(TicketEntity ticket, SlaAlerts.Due due, Instant now) {
        TicketEventEntity event = new TicketEventEntity();
        event.ticketId = ticket.id;
        event.occurredAt = now;
        event.actorName = "Support Desk";
        event.type = due.kind() == AlertKind.AT_RISK ? TicketEventType.SLA_AT_RISK : TicketEventType.SLA_BREACHED;
        event.field = due.target().name().toLowerCase();
        event.after = due.kind().name();
        event.detail = "due " + due.evaluation().dueAt();
        event.persist();
        raised.fire(new SlaAlertRaised(ticket.id, ticket.displayNumber(), ticket.organization.id, due.target(), due.kind(),
                now, due.evaluation().dueAt()));
    }
}
