package org.eclipsesol.desk.ticket.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.security.Caller;
import org.eclipsesol.desk.sla.app.PolicySnapshot;
import org.eclipsesol.desk.sla.app.SlaPolicies;
import org.eclipsesol.desk.sla.engine.ClockType;
import org.eclipsesol.desk.sla.engine.ServiceClock;
import org.eclipsesol.desk.ticket.data.TicketEntity;
import org.eclipsesol.desk.ticket.data.TicketEventType;
import org.eclipsesol.desk.ticket.data.TimeEntryEntity;

/**
 * Time logged by staff. Minutes outside the business hours of the ticket's policy (after 17:00, weekends,
 * holidays) are after-hours: billable, as the policy says additional charges may apply.
 */
@ApplicationScoped
public class TimeEntryService {

    private static final Duration MAX_ENTRY = Duration.ofHours(24);

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    TicketAccess access;

    @Inject
    TicketHistory history;

    @Inject
    SlaPolicies sla;

    @Transactional
    public TimeEntryView log(Caller caller, UUID ticketId, @Valid @NotNull TimeEntryInput input) {
        caller.requireTicketUser();
        caller.requireStaff();
        TicketEntity ticket = access.forUpdate(caller, ticketId);
        Instant now = clock.instant();
        org.eclipsesol.desk.common.Instants.inRange("startedAt", input.startedAt());
        org.eclipsesol.desk.common.Instants.inRange("endedAt", input.endedAt());
        if (!input.endedAt().isAfter(input.startedAt())) {
            throw ProblemException.invalid("endedAt", "must be after startedAt");
        }
        if (input.endedAt().isAfter(now.plusSeconds(60))) {
            throw ProblemException.invalid("endedAt", "must not be in the future");
        }
        if (Duration.between(input.startedAt(), input.endedAt()).compareTo(MAX_ENTRY) > 0) {
            throw ProblemException.invalid("endedAt", "an entry may span at most 24 hours; log longer work as several entries");
        }
        PolicySnapshot policy = sla.policy(ticket.policyVersion);
        ServiceClock businessHours = sla.clockFor(policy, ClockType.BUSINESS_HOURS);
        long totalSeconds = Duration.between(input.startedAt(), input.endedAt()).toSeconds();
        long inHoursSeconds = businessHours.clockTimeBetween(input.startedAt(), input.endedAt()).toSeconds();
        TimeEntryEntity e = new TimeEntryEntity();
        e.id = UUID.randomUUID();
        e.ticketId = ticket.id;
        e.authorId = caller.id();
        e.authorName = caller.name();
        e.startedAt = input.startedAt();
        e.endedAt = input.endedAt();
        e.note = input.note();
        e.minutes = (int) Math.round(totalSeconds / 60.0);
        e.afterHoursMinutes = Math.min(e.minutes, (int) Math.round((totalSeconds - inHoursSeconds) / 60.0));
        e.createdAt = now;
        e.persist();
        history.record(ticket, caller, now, TicketEventType.TIME_LOGGED, null, null, e.minutes + " min",
                e.afterHoursMinutes + " after-hours min", true);
        return view(e, ticket.billable());
    }

    public List<TimeEntryView> list(Caller caller, UUID ticketId) {
        caller.requireTicketUser();
        caller.requireStaff();
        TicketEntity ticket = access.visible(caller, ticketId);
        return listOf(Map.of(ticket.id, ticket.billable())).getOrDefault(ticket.id, List.of());
    }

    /** Like {@link #listOf(Map)}, for staff only (a client is refused, whatever the query shape), visible tickets only. */
    public Map<UUID, List<TimeEntryView>> listOf(Caller caller, Map<UUID, Boolean> billableByTicket) {
        caller.requireTicketUser();
        caller.requireStaff();
        Map<UUID, Boolean> visible = new HashMap<>(billableByTicket);
        visible.keySet().retainAll(access.visibleIds(caller, billableByTicket.keySet()));
        return visible.isEmpty() ? Map.of() : listOf(visible);
    }

    /** Entries of several tickets (ticket id to its billable flag) in one statement. */
    public Map<UUID, List<TimeEntryView>> listOf(Map<UUID, Boolean> billableByTicket) {
        List<TimeEntryEntity> rows = em.createQuery(
                "select e from TimeEntryEntity e where e.ticketId in :ids order by e.startedAt, e.id", TimeEntryEntity.class)
                .setParameter("ids", billableByTicket.keySet()).getResultList();
        Map<UUID, List<TimeEntryView>> result = new HashMap<>();
        for (TimeEntryEntity e : rows) {
            result.computeIfAbsent(e.ticketId, k -> new ArrayList<>()).add(view(e, billableByTicket.get(e.ticketId)));
        }
        return result;
    }

    private static TimeEntryView view(TimeEntryEntity e, boolean ticketBillable) {
        return new TimeEntryView(e.id, e.ticketId, new PersonView(e.authorId, e.authorName, null), e.startedAt, e.endedAt,
                e.note, e.minutes, e.afterHoursMinutes, ticketBillable || e.afterHoursMinutes > 0);
    }
}
