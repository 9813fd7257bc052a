package org.eclipsesol.desk.ticket.app;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipsesol.desk.catalog.TicketStatus;
import org.eclipsesol.desk.security.Caller;
import org.eclipsesol.desk.sla.app.SlaCalculator;
import org.eclipsesol.desk.sla.app.TargetView;
import org.eclipsesol.desk.sla.app.TimelineView;
import org.eclipsesol.desk.sla.engine.PhaseChange;
import org.eclipsesol.desk.sla.engine.SlaEvaluation;
import org.eclipsesol.desk.sla.engine.SlaEvaluator;
import org.eclipsesol.desk.sla.engine.TargetDefinition;
import org.eclipsesol.desk.sla.engine.TargetKind;
import org.eclipsesol.desk.sla.engine.TicketClockHistory;
import org.eclipsesol.desk.sla.engine.TimelineSegment;
import org.eclipsesol.desk.ticket.data.TicketEntity;
import org.eclipsesol.desk.ticket.data.TicketEventEntity;
import org.eclipsesol.desk.ticket.data.TicketEventType;

/**
 * The explainable SLA timeline of a ticket, rebuilt from its event history alone, and the check that the compact
 * phase log and the stored SLA columns tell the same story.
 */
@ApplicationScoped
public class SlaTimelineService {

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    TicketAccess access;

    @Inject
    SlaCalculator calculator;

    public TimelineView timeline(Caller caller, UUID ticketId) {
        TicketEntity ticket = access.visible(caller, ticketId);
        return timeline(ticket, historiesFromEvents(List.of(ticket)).get(ticket.id), clock.instant());
    }

    /**
     * Timelines of several tickets in a fixed number of statements (the tickets, their status events, and
     * the organizations' agreements), for GraphQL's nested {@code sla { timeline }}. Tickets the caller may
     * not see are left out.
     */
    public Map<UUID, TimelineView> timelines(Caller caller, List<UUID> ticketIds) {
        List<TicketEntity> tickets = access.visibleTickets(caller, ticketIds);
        Map<UUID, TicketClockHistory> histories = historiesFromEvents(tickets);
        Instant now = clock.instant();
        Map<UUID, TimelineView> result = new HashMap<>();
        for (TicketEntity t : tickets) {
            result.put(t.id, timeline(t, histories.get(t.id), now));
        }
        return result;
    }

    /** The clock histories rebuilt from the event table alone, for several tickets in one statement. */
    Map<UUID, TicketClockHistory> historiesFromEvents(List<TicketEntity> tickets) {
        Map<UUID, List<PhaseChange>> changes = new HashMap<>();
        for (TicketEntity t : tickets) {
            changes.put(t.id, new ArrayList<>());
        }
        if (!tickets.isEmpty()) {
            List<TicketEventEntity> events = em.createQuery(
                    "select e from TicketEventEntity e where e.ticketId in :ids and e.type = :type order by e.ticketId, e.id",
                    TicketEventEntity.class).setParameter("ids", changes.keySet())
                    .setParameter("type", TicketEventType.STATUS_CHANGED).getResultList();
            for (TicketEventEntity e : events) {
                changes.get(e.ticketId)
                        .add(new PhaseChange(e.occurredAt, SlaCalculator.phaseOf(TicketStatus.valueOf(e.after))));
            }
        }
        Map<UUID, TicketClockHistory> result = new HashMap<>();
        for (TicketEntity t : tickets) {
            result.put(t.id, new TicketClockHistory(t.openedAt, changes.get(t.id), t.firstResponseAt, t.exclusion != null));
        }
        return result;
    }

    private TimelineView timeline(TicketEntity ticket, TicketClockHistory fromEvents, Instant now) {
        SlaCalculator.ResolvedTargets targets = calculator.targetsFor(TicketSlaService.subject(ticket));
        SlaEvaluation evaluation = SlaCalculator.evaluate(targets, fromEvents, now);
        // The check: the compact phase log tells the same story as the events, and the stored columns (what
        // filters, sorting and the monitor use) are what the events say they should be. Frozen (closed or
        // cancelled) tickets keep the figures they were closed with and are not compared.
        boolean consistent = fromEvents.equals(TicketSlaService.historyOf(ticket))
                && (ticket.slaFinal != null || TicketSlaService.storedState(ticket).agreesWith(evaluation, now));
        return new TimelineView(ticket.displayNumber(), now,
                new TimelineView.TargetTimeline(TargetView.of(evaluation.response()),
                        segments(fromEvents, targets.response(), TargetKind.RESPONSE, now)),
                new TimelineView.TargetTimeline(TargetView.of(evaluation.resolution()),
                        segments(fromEvents, targets.resolution(), TargetKind.RESOLUTION, now)),
                consistent);
    }

    private static List<TimelineView.Segment> segments(TicketClockHistory history, TargetDefinition definition,
            TargetKind kind, Instant now) {
        List<TimelineView.Segment> result = new ArrayList<>();
        for (TimelineSegment s : SlaEvaluator.timeline(history, definition, kind, now)) {
            result.add(new TimelineView.Segment(s.kind(), s.from(), s.to(), s.clockTime()));
        }
        return result;
    }
}
