package org.eclipsesol.desk.sla.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipsesol.desk.catalog.Priority;
import org.eclipsesol.desk.catalog.TicketStatus;
import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.customer.data.OrganizationEntity;
import org.eclipsesol.desk.customer.data.TargetOverride;
import org.eclipsesol.desk.sla.data.HolidayEntity;
import org.eclipsesol.desk.sla.data.SlaPolicyEntity;
import org.eclipsesol.desk.sla.engine.BusinessHoursClock;
import org.eclipsesol.desk.sla.engine.ClockType;
import org.eclipsesol.desk.sla.engine.PhaseChange;
import org.eclipsesol.desk.sla.engine.ServiceClock;
import org.eclipsesol.desk.sla.engine.SlaEvaluation;
import org.eclipsesol.desk.sla.engine.SlaEvaluator;
import org.eclipsesol.desk.sla.engine.TargetDefinition;
import org.eclipsesol.desk.sla.engine.TargetEvaluation;
import org.eclipsesol.desk.sla.engine.TargetKind;
import org.eclipsesol.desk.sla.engine.TargetStatus;
import org.eclipsesol.desk.sla.engine.TicketClockHistory;
import org.eclipsesol.desk.sla.engine.TicketPhase;
import org.eclipsesol.desk.sla.engine.TwentyFourSevenClock;
import org.eclipsesol.desk.ticket.data.TicketEntity;
import org.eclipsesol.desk.ticket.data.TicketEventEntity;
import org.eclipsesol.desk.ticket.data.TicketEventType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Bridges tickets and the plain-Java SLA engine: which policy version and targets apply, the clocks
 * (with holidays), live evaluation, the derived SLA columns, and alerts. The engine stays the single
 * source of truth; the columns are a copy kept for filtering, sorting and the monitor.
 */
@ApplicationScoped
public class SlaService {

    /** Holidays are re-read at most this often, so a PUT on another replica is seen within it. */
    private static final Duration HOLIDAY_CACHE_TTL = Duration.ofSeconds(15);

    private final ConcurrentMap<Integer, PolicySnapshot> policies = new ConcurrentHashMap<>();
    private final ConcurrentMap<Integer, ServiceClock> businessClocks = new ConcurrentHashMap<>();
    private volatile Set<LocalDate> holidays;
    private volatile Instant holidaysLoadedAt = Instant.EPOCH;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Event<SlaAlertRaised> alerts;

    // ---- policies and clocks

    public PolicySnapshot policy(int version) {
        PolicySnapshot cached = policies.get(version);
        if (cached != null) {
            return cached;
        }
        SlaPolicyEntity entity = SlaPolicyEntity.findById(version);
        if (entity == null) {
            throw ProblemException.notFound("SLA policy version " + version);
        }
        PolicySnapshot snapshot = PolicySnapshot.of(entity);
        policies.put(version, snapshot);
        return snapshot;
    }

    /** The version in force at {@code at}: the latest published at or before it (version 1 before that). */
    public PolicySnapshot policyInForceAt(Instant at) {
        List<Integer> versions = em.createQuery(
                "select p.version from SlaPolicyEntity p where p.effectiveFrom <= :at order by p.version desc", Integer.class)
                .setParameter("at", at).setMaxResults(1).getResultList();
        return policy(versions.isEmpty() ? 1 : versions.get(0));
    }

    public Set<LocalDate> holidays() {
        Instant now = clock.instant();
        Set<LocalDate> current = holidays;
        if (current == null || holidaysLoadedAt.plus(HOLIDAY_CACHE_TTL).isBefore(now)) {
            current = HolidayEntity.<HolidayEntity>listAll().stream().map(h -> h.date).collect(Collectors.toUnmodifiableSet());
            if (!current.equals(holidays)) {
                businessClocks.clear();
            }
            holidays = current;
            holidaysLoadedAt = now;
        }
        return current;
    }

    public void holidaysChanged() {
        holidays = null;
        businessClocks.clear();
    }

    public ServiceClock clockFor(PolicySnapshot policy, ClockType type) {
        if (type == ClockType.TWENTY_FOUR_SEVEN) {
            return TwentyFourSevenClock.INSTANCE;
        }
        Set<LocalDate> days = holidays();
        return businessClocks.computeIfAbsent(policy.version(),
                v -> new BusinessHoursClock(policy.zone(), policy.hours(), days));
    }

    // ---- targets

    /** Targets for a ticket: per-ticket override, else the organization's agreement, else the policy. */
    public ResolvedTargets targetsFor(PolicySnapshot policy, Priority priority, OrganizationEntity org, Long responseOverride,
            Long resolutionOverride) {
        PolicyTarget base = policy.target(priority);
        Duration response = base.response();
        Duration resolution = base.resolution();
        String source = "POLICY";
        TargetOverride agreement = org == null ? null : org.targetOverrides.get(priority);
        if (agreement != null) {
            response = Duration.ofSeconds(agreement.responseSeconds);
            resolution = Duration.ofSeconds(agreement.resolutionSeconds);
            source = "AGREEMENT";
        }
        if (responseOverride != null || resolutionOverride != null) {
            response = responseOverride != null ? Duration.ofSeconds(responseOverride) : response;
            resolution = resolutionOverride != null ? Duration.ofSeconds(resolutionOverride) : resolution;
            source = "OVERRIDE";
        }
        ServiceClock serviceClock = clockFor(policy, base.clock());
        double share = policy.atRiskFraction();
        return new ResolvedTargets(policy, new TargetDefinition(response, serviceClock, share),
                new TargetDefinition(resolution, serviceClock, share), source);
    }

    public ResolvedTargets targetsFor(TicketEntity ticket) {
        return targetsFor(policy(ticket.policyVersion), ticket.priority, ticket.organization, ticket.responseOverrideSeconds,
                ticket.resolutionOverrideSeconds);
    }

    public record ResolvedTargets(PolicySnapshot policy, TargetDefinition response, TargetDefinition resolution,
            String source) {
    }

    // ---- history and evaluation

    public static TicketPhase phaseOf(TicketStatus status) {
        return switch (status) {
            case NEW, IN_PROGRESS -> TicketPhase.OPEN;
            case WAITING_ON_CLIENT -> TicketPhase.WAITING;
            case RESOLVED -> TicketPhase.RESOLVED;
            case CLOSED -> TicketPhase.CLOSED;
            case CANCELLED -> TicketPhase.CANCELLED;
        };
    }

    /**
     * Appends a status change to the ticket's compact phase log (called with every STATUS_CHANGED event). The
     * instant is written in full (ISO-8601), so the log rebuilds exactly the instants the events hold; epoch
     * milliseconds, as earlier entries were written, would drop the microseconds and the log would disagree with
     * the event history.
     */
    public static void recordStatus(TicketEntity ticket, TicketStatus status, Instant at) {
        String entry = at + "=" + phaseOf(status).name();
        ticket.phaseLog = ticket.phaseLog == null || ticket.phaseLog.isEmpty() ? entry : ticket.phaseLog + "," + entry;
    }

    /** Reads "2026-11-26T02:37:00.361306Z=OPEN" entries, and the older "epochMillis:OPEN" ones. */
    static List<PhaseChange> parsePhaseLog(String log) {
        List<PhaseChange> changes = new ArrayList<>();
        if (log == null || log.isEmpty()) {
            return changes;
        }
        for (String entry : log.split(",")) {
            int eq = entry.lastIndexOf('=');
            if (eq > 0) {
                changes.add(
                        new PhaseChange(Instant.parse(entry.substring(0, eq)), TicketPhase.valueOf(entry.substring(eq + 1))));
            } else {
                int colon = entry.indexOf(':');
                changes.add(new PhaseChange(Instant.ofEpochMilli(Long.parseLong(entry.substring(0, colon))),
                        TicketPhase.valueOf(entry.substring(colon + 1))));
            }
        }
        return changes;
    }

    public static TicketClockHistory historyOf(TicketEntity ticket) {
        return new TicketClockHistory(ticket.openedAt, parsePhaseLog(ticket.phaseLog), ticket.firstResponseAt,
                ticket.exclusion != null);
    }

    /** The history rebuilt from the event table alone: the check that the compact log tells the truth. */
    public TicketClockHistory historyFromEvents(TicketEntity ticket) {
        List<TicketEventEntity> events = TicketEventEntity.list(
                "ticketId = ?1 and type = ?2 order by id", ticket.id, TicketEventType.STATUS_CHANGED);
        List<PhaseChange> changes = new ArrayList<>();
        for (TicketEventEntity e : events) {
            changes.add(new PhaseChange(e.occurredAt, phaseOf(TicketStatus.valueOf(e.after))));
        }
        return new TicketClockHistory(ticket.openedAt, changes, ticket.firstResponseAt, ticket.exclusion != null);
    }

    /** {@link #historyFromEvents(TicketEntity)} for several tickets in one statement. */
    public java.util.Map<java.util.UUID, TicketClockHistory> historiesFromEvents(List<TicketEntity> tickets) {
        java.util.Map<java.util.UUID, List<PhaseChange>> changes = new java.util.HashMap<>();
        for (TicketEntity t : tickets) {
            changes.put(t.id, new ArrayList<>());
        }
        if (!tickets.isEmpty()) {
            List<TicketEventEntity> events = em.createQuery(
                    "select e from TicketEventEntity e where e.ticketId in :ids and e.type = :type order by e.ticketId, e.id",
                    TicketEventEntity.class).setParameter("ids", changes.keySet())
                    .setParameter("type", TicketEventType.STATUS_CHANGED).getResultList();
            for (TicketEventEntity e : events) {
                changes.get(e.ticketId).add(new PhaseChange(e.occurredAt, phaseOf(TicketStatus.valueOf(e.after))));
            }
        }
        java.util.Map<java.util.UUID, TicketClockHistory> result = new java.util.HashMap<>();
        for (TicketEntity t : tickets) {
            result.put(t.id, new TicketClockHistory(t.openedAt, changes.get(t.id), t.firstResponseAt, t.exclusion != null));
        }
        return result;
    }

    public SlaEvaluation evaluate(TicketEntity ticket, Instant now) {
        ResolvedTargets targets = targetsFor(ticket);
        return SlaEvaluator.evaluate(historyOf(ticket), targets.response(), targets.resolution(), now);
    }

    public SlaView view(TicketEntity ticket, Instant now) {
        if (ticket.slaFinal != null) {
            try {
                return json.readValue(ticket.slaFinal, SlaView.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Unreadable frozen SLA of ticket " + ticket.id, e);
            }
        }
        ResolvedTargets targets = targetsFor(ticket);
        SlaEvaluation evaluation = SlaEvaluator.evaluate(historyOf(ticket), targets.response(), targets.resolution(), now);
        return view(ticket, targets, evaluation, false);
    }

    private static SlaView view(TicketEntity ticket, ResolvedTargets targets, SlaEvaluation evaluation, boolean frozen) {
        return new SlaView(ticket.policyVersion, TargetView.of(evaluation.response()), TargetView.of(evaluation.resolution()),
                targets.source(), ticket.overrideReason, frozen);
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
        List<Object> before = storedColumns(ticket);
        ResolvedTargets targets = targetsFor(ticket);
        SlaEvaluation evaluation = SlaEvaluator.evaluate(historyOf(ticket), targets.response(), targets.resolution(), now);
        TargetEvaluation response = evaluation.response();
        TargetEvaluation resolution = evaluation.resolution();
        ticket.slaResponseStatus = response.status().name();
        ticket.slaResolutionStatus = resolution.status().name();
        ticket.slaResponseDueAt = response.dueAt();
        ticket.slaResolutionDueAt = resolution.dueAt();
        ticket.slaDueAt = earliest(runningDue(response), runningDue(resolution));
        ticket.slaNextCheckAt = evaluation.nextTransitionAt();
        if (ticket.slaNextCheckAt != null && !ticket.slaNextCheckAt.isAfter(now)) {
            // Never leave a moment that has already been evaluated due, or the monitor would pick it up forever.
            ticket.slaNextCheckAt = now.plusSeconds(1);
        }
        alertIfDue(ticket, TargetKind.RESPONSE, response, now);
        alertIfDue(ticket, TargetKind.RESOLUTION, resolution, now);
        if (ticket.status.isFinal()) {
            try {
                ticket.slaFinal = json.writeValueAsString(view(ticket, targets, evaluation, true));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot freeze the SLA of ticket " + ticket.id, e);
            }
            ticket.slaNextCheckAt = null;
        }
        return !before.equals(storedColumns(ticket));
    }

    /** The derived SLA columns kept on the ticket row. */
    static List<Object> storedColumns(TicketEntity t) {
        return java.util.Arrays.asList(t.slaResponseStatus, t.slaResolutionStatus, t.slaResponseDueAt,
                t.slaResolutionDueAt, t.slaDueAt, t.slaNextCheckAt, t.slaFinal);
    }

    /**
     * Whether the ticket's stored SLA columns are what {@code evaluation} (a recomputation, e.g. from the event
     * history) says they should be. Due moments and the next check must match exactly; the statuses too, unless a
     * moment has passed that the monitor has not processed yet (the next check is due), in which case the stored
     * statuses may still show the state before it. Frozen (closed or cancelled) tickets are not compared: their
     * figures are what they were when they were closed.
     */
    public boolean storedColumnsAgree(TicketEntity ticket, SlaEvaluation evaluation, Instant now) {
        if (ticket.slaFinal != null) {
            return true;
        }
        TargetEvaluation response = evaluation.response();
        TargetEvaluation resolution = evaluation.resolution();
        boolean pending = ticket.slaNextCheckAt != null && !ticket.slaNextCheckAt.isAfter(now);
        boolean statuses = response.status().name().equals(ticket.slaResponseStatus)
                && resolution.status().name().equals(ticket.slaResolutionStatus);
        return java.util.Objects.equals(ticket.slaResponseDueAt, response.dueAt())
                && java.util.Objects.equals(ticket.slaResolutionDueAt, resolution.dueAt())
                && java.util.Objects.equals(ticket.slaDueAt, earliest(runningDue(response), runningDue(resolution)))
                && (pending || (statuses && java.util.Objects.equals(ticket.slaNextCheckAt, evaluation.nextTransitionAt())));
    }

    private static Instant runningDue(TargetEvaluation e) {
        boolean running = e.metAt() == null && e.status() != TargetStatus.PAUSED && e.status() != TargetStatus.NOT_APPLICABLE;
        return running ? e.dueAt() : null;
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    private void alertIfDue(TicketEntity ticket, TargetKind kind, TargetEvaluation e, Instant now) {
        boolean breachedUnmet = e.status() == TargetStatus.BREACHED && e.metAt() == null;
        boolean breachedLate = e.status() == TargetStatus.BREACHED && e.metAt() != null;
        if (e.status() == TargetStatus.AT_RISK || breachedUnmet) {
            alertOnce(ticket, kind, "AT_RISK", e, now);
        }
        if (breachedUnmet || breachedLate) {
            alertOnce(ticket, kind, "BREACHED", e, now);
        }
    }

    private void alertOnce(TicketEntity ticket, TargetKind kind, String alertKind, TargetEvaluation e, Instant now) {
        // The primary key (ticket, target, kind, target length) makes this exactly-once, whichever replica
        // or request gets here first; a new target (priority change, override) may alert again.
        int inserted = em.createNativeQuery("""
                insert into sla_alert (ticket_id, target, kind, target_seconds, fired_at)
                values (:ticket, :target, :kind, :seconds, :now) on conflict do nothing
                """)
                .setParameter("ticket", ticket.id)
                .setParameter("target", kind.name())
                .setParameter("kind", alertKind)
                .setParameter("seconds", e.target().toSeconds())
                .setParameter("now", now)
                .executeUpdate();
        if (inserted == 0) {
            return;
        }
        TicketEventEntity event = new TicketEventEntity();
        event.ticketId = ticket.id;
        event.occurredAt = now;
        event.actorName = "Support Desk";
        event.type = "AT_RISK".equals(alertKind) ? TicketEventType.SLA_AT_RISK : TicketEventType.SLA_BREACHED;
        event.field = kind.name().toLowerCase();
        event.after = alertKind;
        event.detail = "due " + e.dueAt();
        event.persist();
        alerts.fire(new SlaAlertRaised(ticket.id, ticket.displayNumber(), ticket.organization.id, kind, alertKind, now,
                e.dueAt()));
    }
}
