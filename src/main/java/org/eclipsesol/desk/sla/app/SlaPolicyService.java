package org.eclipsesol.desk.sla.app;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipsesol.desk.catalog.Priority;
import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.customer.data.OrganizationEntity;
import org.eclipsesol.desk.security.Caller;
import org.eclipsesol.desk.sla.data.HolidayEntity;
import org.eclipsesol.desk.sla.data.SlaPolicyEntity;
import org.eclipsesol.desk.sla.engine.SlaEvaluation;
import org.eclipsesol.desk.sla.engine.SlaEvaluator;
import org.eclipsesol.desk.sla.engine.TargetDefinition;
import org.eclipsesol.desk.sla.engine.TargetKind;
import org.eclipsesol.desk.sla.engine.TicketClockHistory;
import org.eclipsesol.desk.sla.engine.TimelineSegment;
import org.eclipsesol.desk.ticket.app.TicketAccess;
import org.eclipsesol.desk.ticket.app.TicketChanged;
import org.eclipsesol.desk.ticket.data.TicketEntity;

/** Policy versions, holidays, quotes and the explainable timeline. */
@ApplicationScoped
public class SlaPolicyService {

    private static final int REFRESH_PAGE = 500;

    @Inject
    Clock clock;

    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry transactions;

    @Inject
    jakarta.enterprise.event.Event<TicketChanged> changes;

    @Inject
    EntityManager em;

    @Inject
    SlaService sla;

    @Inject
    TicketAccess access;

    @Inject
    org.eclipsesol.desk.ticket.app.TicketHistory history;

    public List<PolicyView> policies(Caller caller) {
        caller.requireTicketUser();
        List<Integer> versions = em.createQuery("select p.version from SlaPolicyEntity p order by p.version", Integer.class)
                .getResultList();
        return versions.stream().map(v -> sla.policy(v).view()).toList();
    }

    public PolicyView policy(Caller caller, int version) {
        caller.requireTicketUser();
        return sla.policy(version).view();
    }

    public PolicyView current(Caller caller) {
        caller.requireTicketUser();
        return sla.policyInForceAt(clock.instant()).view();
    }

    @Transactional
    public PolicyView publish(Caller caller, @Valid @NotNull PolicyInput input) {
        caller.requireSupervisor();
        ZoneId zone;
        try {
            zone = ZoneId.of(input.timeZone());
        } catch (DateTimeException e) {
            throw ProblemException.invalid("timeZone", "must be an IANA time zone such as America/Denver");
        }
        // Stored as "MONDAY=09:00-17:00;TUESDAY=...": a value may not smuggle in separators (another day), and a
        // day may not be given twice ("monday" and "MONDAY").
        Map<java.time.DayOfWeek, String> days = new java.util.EnumMap<>(java.time.DayOfWeek.class);
        for (Map.Entry<String, String> day : input.businessHours().entrySet()) {
            java.time.DayOfWeek weekday = PolicySnapshot.parseDay(day.getKey(), "businessHours");
            String field = "businessHours." + day.getKey();
            String value = day.getValue() == null ? "" : day.getValue().replace(" ", "");
            if (value.isEmpty() || value.contains(";") || value.contains("=")) {
                throw ProblemException.invalid(field, "must be intervals like 09:00-17:00 or 08:00-12:00,13:00-17:00");
            }
            if (days.put(weekday, value) != null) {
                throw ProblemException.invalid(field, weekday + " is given twice");
            }
        }
        StringJoiner hours = new StringJoiner(";");
        days.forEach((weekday, value) -> hours.add(weekday.name() + "=" + value));
        PolicySnapshot.parseHours(hours.toString(), "businessHours");
        for (Map.Entry<Priority, PolicyTarget> t : input.targets().entrySet()) {
            String field = "targets." + t.getKey();
            if (!positive(t.getValue().response())) {
                throw ProblemException.invalid(field + ".response", "must be positive");
            }
            if (t.getValue().resolution().compareTo(t.getValue().response()) < 0) {
                throw ProblemException.invalid(field + ".resolution", "must not be shorter than the response target");
            }
        }
        // Versions are numbered without gaps; the table lock makes two concurrent publications take turns.
        em.createNativeQuery("lock table sla_policy in exclusive mode").executeUpdate();
        Integer last = em.createQuery("select max(p.version) from SlaPolicyEntity p", Integer.class).getSingleResult();
        Instant now = clock.instant();
        SlaPolicyEntity p = new SlaPolicyEntity();
        p.version = last + 1;
        p.effectiveFrom = now;
        p.publishedAt = now;
        p.publishedBy = caller.id();
        p.timeZone = zone.getId();
        p.atRiskShare = input.atRiskShare() == null ? new BigDecimal("0.75") : input.atRiskShare();
        p.businessHours = hours.toString();
        p.note = input.note();
        for (Map.Entry<Priority, PolicyTarget> t : input.targets().entrySet()) {
            var target = new org.eclipsesol.desk.sla.data.PolicyTargetEmbeddable();
            target.clock = t.getValue().clock().name();
            target.responseSeconds = t.getValue().response().toSeconds();
            target.resolutionSeconds = t.getValue().resolution().toSeconds();
            p.targets.put(t.getKey(), target);
        }
        p.persist();
        em.flush();
        return PolicySnapshot.of(p).view();
    }

    public List<HolidayView> holidays(Caller caller) {
        caller.requireTicketUser();
        return HolidayEntity.<HolidayEntity>list("order by date").stream().map(h -> new HolidayView(h.date, h.name)).toList();
    }

    /** Replaces the holiday list. Open tickets' clocks follow it; closed tickets keep their frozen figures. */
    @Transactional
    public List<HolidayView> putHolidays(Caller caller, @NotNull List<@Valid @NotNull HolidayView> holidays) {
        caller.requireSupervisor();
        Set<java.time.LocalDate> seen = new HashSet<>();
        for (int i = 0; i < holidays.size(); i++) {
            org.eclipsesol.desk.common.Instants.inRange("[" + i + "].date", holidays.get(i).date());
            if (!seen.add(holidays.get(i).date())) {
                throw ProblemException.invalid("[" + i + "].date", "appears twice");
            }
        }
        HolidayEntity.deleteAll();
        for (HolidayView h : holidays) {
            HolidayEntity e = new HolidayEntity();
            e.date = h.date();
            e.name = h.name().trim();
            e.persist();
        }
        em.flush();
        sla.holidaysChanged();
        // Another thread may reload the old list before this transaction commits; forget it again afterwards.
        transactions.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {

            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                sla.holidaysChanged();
            }
        });
        refreshUnfrozenTickets(null);
        return holidays(caller);
    }

    /**
     * Re-derives the stored SLA columns of every ticket whose figures are not frozen (of one organization, or all
     * when {@code organizationId} is null), so filters, sorting and the monitor follow a holiday or agreement edit
     * at once. Closed and cancelled tickets keep the figures they were closed with. Rows are locked in id order
     * (no deadlock between two edits); a page at a time keeps the session small. Clears the persistence context.
     */
    public void refreshUnfrozenTickets(UUID organizationId) {
        Instant now = clock.instant();
        UUID after = null;
        List<TicketEntity> page;
        do {
            var query = em.createQuery("select t from TicketEntity t join fetch t.organization where t.slaFinal is null"
                    + (organizationId == null ? "" : " and t.organization.id = :org")
                    + (after == null ? "" : " and t.id > :after") + " order by t.id", TicketEntity.class)
                    .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).setMaxResults(REFRESH_PAGE);
            if (organizationId != null) {
                query.setParameter("org", organizationId);
            }
            if (after != null) {
                query.setParameter("after", after);
            }
            page = query.getResultList();
            for (TicketEntity ticket : page) {
                if (sla.refresh(ticket, now)) {
                    changes.fire(new TicketChanged(ticket.id, ticket.organization.id, "SLA"));
                }
                after = ticket.id;
            }
            em.flush();
            em.clear();
        } while (page.size() == REFRESH_PAGE);
    }

    public QuoteView quote(Caller caller, Priority priority, Instant openedAt, UUID organizationId) {
        org.eclipsesol.desk.common.Instants.inRange("openedAt", openedAt);
        caller.requireTicketUser();
        if (priority == null) {
            throw ProblemException.invalid("priority", "is required");
        }
        Instant at = openedAt == null ? clock.instant() : openedAt;
        OrganizationEntity org = null;
        UUID orgId = caller.isClientOnly()
                ? (organizationId == null ? caller.organizationId() : organizationId)
                : organizationId;
        if (orgId != null) {
            if (caller.isClientOnly() && !orgId.equals(caller.organizationId())) {
                throw ProblemException.notFound("Organization " + orgId);
            }
            org = OrganizationEntity.findById(orgId);
            if (org == null) {
                throw ProblemException.notFound("Organization " + orgId);
            }
        }
        PolicySnapshot policy = sla.policyInForceAt(at);
        SlaService.ResolvedTargets targets = sla.targetsFor(policy, priority, org, null, null);
        // A quote is the evaluation of a ticket opened then, seen at the moment it is opened.
        SlaEvaluation e = SlaEvaluator.evaluate(TicketClockHistory.openedAt(at), targets.response(), targets.resolution(), at);
        return new QuoteView(priority, at, policy.version(), targets.source(), TargetView.of(e.response()),
                TargetView.of(e.resolution()));
    }

    public TimelineView timeline(Caller caller, UUID ticketId) {
        TicketEntity ticket = access.visible(caller, ticketId);
        return timeline(ticket, sla.historyFromEvents(ticket), clock.instant());
    }

    /**
     * Timelines of several tickets in a fixed number of statements (the tickets, their status events, and
     * the organizations' agreements), for GraphQL's nested {@code sla { timeline }}. Tickets the caller may
     * not see are left out.
     */
    public java.util.Map<UUID, TimelineView> timelines(Caller caller, List<UUID> ticketIds) {
        caller.requireTicketUser();
        if (ticketIds.isEmpty()) {
            return java.util.Map.of();
        }
        var query = em.createQuery("select t from TicketEntity t join fetch t.organization where t.id in :ids"
                + (caller.isClientOnly() ? " and t.organization.id = :own" : ""), TicketEntity.class)
                .setParameter("ids", ticketIds);
        if (caller.isClientOnly()) {
            query.setParameter("own", caller.organizationId());
        }
        List<TicketEntity> tickets = query.getResultList();
        java.util.Map<UUID, TicketClockHistory> histories = sla.historiesFromEvents(tickets);
        Instant now = clock.instant();
        java.util.Map<UUID, TimelineView> result = new java.util.HashMap<>();
        for (TicketEntity t : tickets) {
            result.put(t.id, timeline(t, histories.get(t.id), now));
        }
        return result;
    }

    private TimelineView timeline(TicketEntity ticket, TicketClockHistory fromEvents, Instant now) {
        SlaService.ResolvedTargets targets = sla.targetsFor(ticket);
        SlaEvaluation evaluation = SlaEvaluator.evaluate(fromEvents, targets.response(), targets.resolution(), now);
        // The check: the compact phase log tells the same story as the events, and the stored columns (what
        // filters, sorting and the monitor use) are what the events say they should be.
        boolean consistent = fromEvents.equals(SlaService.historyOf(ticket))
                && sla.storedColumnsAgree(ticket, evaluation, now);
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

    /**
     * Overrides a ticket's targets ("times may vary based on the complexity of the issue"). The clocks are
     * re-derived from openedAt under the new targets; the reason is kept on the ticket and in its history.
     */
    @Transactional
    public SlaView override(Caller caller, UUID ticketId, @Valid @NotNull OverrideInput input) {
        caller.requireSupervisor();
        if (input.response() == null && input.resolution() == null) {
            throw ProblemException.invalid("response", "give a response or a resolution target (or both)");
        }
        if (input.response() != null && !positive(input.response())) {
            throw ProblemException.invalid("response", "must be positive");
        }
        if (input.resolution() != null && !positive(input.resolution())) {
            throw ProblemException.invalid("resolution", "must be positive");
        }
        TicketEntity ticket = access.forUpdate(caller, ticketId);
        if (ticket.status.isFinal()) {
            throw ProblemException.conflict("A " + ticket.status + " ticket keeps the SLA it was closed with.");
        }
        Instant now = clock.instant();
        SlaService.ResolvedTargets before = sla.targetsFor(ticket);
        if (input.response() != null) {
            ticket.responseOverrideSeconds = input.response().toSeconds();
        }
        if (input.resolution() != null) {
            ticket.resolutionOverrideSeconds = input.resolution().toSeconds();
        }
        ticket.overrideReason = input.reason().trim();
        SlaService.ResolvedTargets after = sla.targetsFor(ticket);
        history.record(ticket, caller, now, org.eclipsesol.desk.ticket.data.TicketEventType.SLA_OVERRIDDEN, "sla",
                before.response().target() + "/" + before.resolution().target(),
                after.response().target() + "/" + after.resolution().target(), ticket.overrideReason, false);
        ticket.updatedAt = now;
        sla.refresh(ticket, now);
        return sla.view(ticket, now);
    }

    /** Duration.isPositive() needs Java 18; we build for 17. */
    private static boolean positive(java.time.Duration d) {
        return !d.isNegative() && !d.isZero();
    }
}
