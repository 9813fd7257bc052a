package org.eclipsesol.desk.ticket.app;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipsesol.desk.catalog.TicketStatus;
import org.eclipsesol.desk.common.Cursors;
import org.eclipsesol.desk.common.Page;
import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.security.Caller;
import org.eclipsesol.desk.ticket.data.CommentEntity;
import org.eclipsesol.desk.ticket.data.TicketEntity;
import org.eclipsesol.desk.ticket.data.TicketEventEntity;
import org.eclipsesol.desk.ticket.data.TicketEventType;

/** Comments, internal notes and the event history of a ticket. Clients never see anything internal. */
@ApplicationScoped
public class CommentService {

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    TicketAccess access;

    @Inject
    TicketHistory history;

    @Inject
    TicketLifecycle lifecycle;

    @Inject
    TicketSlaService sla;

    @Inject
    Event<TicketChanged> changes;

    @Inject
    org.eclipsesol.desk.common.DeskConfig config;

    public Page<CommentView> comments(Caller caller, UUID ticketId, Integer limit, String cursor) {
        TicketEntity ticket = access.visible(caller, ticketId);
        return commentsOf(caller, List.of(ticket.id), limit, cursor).getOrDefault(ticket.id, new Page<>(List.of(), null));
    }

    /**
     * Comments of several tickets (GraphQL batches nested fields through this), at most {@code limit} per ticket, in
     * two statements: the visibility check and the comments. The limit reaches SQL (a keyset page for one ticket, a
     * window function per ticket for several), so a ticket with thousands of comments costs one page, never a list
     * in memory. Tickets the caller may not see get an empty page.
     */
    public Map<UUID, Page<CommentView>> commentsOf(Caller caller, List<UUID> ticketIds, Integer limit, String cursor) {
        int size = Cursors.limit(limit == null ? 100 : limit);
        Set<UUID> visible = access.visibleIds(caller, ticketIds);
        Map<UUID, List<CommentEntity>> grouped = new LinkedHashMap<>();
        for (UUID id : ticketIds) {
            grouped.put(id, new ArrayList<>());
        }
        List<CommentEntity> rows;
        if (visible.isEmpty()) {
            rows = List.of();
        } else if (visible.size() == 1 || cursor != null) {
            rows = onePage(caller, visible, size, cursor);
        } else {
            @SuppressWarnings("unchecked")
            List<CommentEntity> perTicket = em.createNativeQuery("""
                    select c.* from ticket_comment c where c.id in (
                      select r.id from (select id, row_number() over (partition by ticket_id order by created_at, id) as n
                                          from ticket_comment where ticket_id in (:ids) and (internal = false or :staff)) r
                       where r.n <= :rows)
                    order by c.ticket_id, c.created_at, c.id""", CommentEntity.class).setParameter("ids", visible)
                    .setParameter("staff", caller.isStaff()).setParameter("rows", size + 1).getResultList();
            rows = perTicket;
        }
        for (CommentEntity c : rows) {
            grouped.get(c.ticketId).add(c);
        }
        Map<UUID, Page<CommentView>> pages = new HashMap<>();
        grouped.forEach((id, list) -> pages.put(id, Page.of(list, size, CommentService::view,
                last -> Cursors.encode(last.createdAt().toString(), last.id().toString()))));
        return pages;
    }

    /** One keyset page (size + 1 rows, to tell whether another follows) of the comments of the given ticket(s). */
    private List<CommentEntity> onePage(Caller caller, Set<UUID> ticketIds, int size, String cursor) {
        String where = "c.ticketId in :ids" + (caller.isStaff() ? "" : " and c.internal = false");
        Instant afterAt = null;
        UUID afterId = null;
        if (cursor != null) {
            String[] parts = Cursors.decode(cursor, 2);
            try {
                afterAt = Instant.parse(parts[0]);
                afterId = UUID.fromString(parts[1]);
            } catch (RuntimeException e) {
                throw Cursors.invalid();
            }
            where += " and (c.createdAt > :afterAt or (c.createdAt = :afterAt and c.id > :afterId))";
        }
        var query = em.createQuery("select c from CommentEntity c where " + where + " order by c.ticketId, c.createdAt, c.id",
                CommentEntity.class).setParameter("ids", ticketIds);
        if (afterAt != null) {
            query.setParameter("afterAt", afterAt).setParameter("afterId", afterId);
        }
        return query.setMaxResults(size + 1).getResultList();
    }

    @Transactional
    public CommentView add(Caller caller, UUID ticketId, @Valid @NotNull CommentInput input) {
        if (input.isInternal() && !caller.isStaff()) {
            caller.requireTicketUser();
            throw ProblemException.forbidden("Only staff may write internal notes.");
        }
        TicketEntity ticket = access.forUpdate(caller, ticketId);
        if (ticket.status.isFinal()) {
            throw ProblemException.conflict("A " + ticket.status + " ticket takes no more comments.");
        }
        Instant now = clock.instant();
        if (!caller.isStaff()) {
            checkClientCommentQuota(ticket, now);
        }
        CommentEntity comment = new CommentEntity();
        comment.id = UUID.randomUUID();
        comment.ticketId = ticket.id;
        comment.authorId = caller.id();
        comment.authorName = caller.name();
        comment.authorStaff = caller.isStaff();
        comment.body = input.body();
        comment.internal = input.isInternal();
        comment.createdAt = now;
        comment.persist();
        history.record(ticket, caller, now, comment.internal ? TicketEventType.INTERNAL_NOTE_ADDED : TicketEventType.COMMENTED,
                null, null, null, comment.id.toString(), comment.internal);
        if (caller.isStaff() && !comment.internal && ticket.firstResponseAt == null) {
            lifecycle.markResponded(caller, ticket, now, "public comment");
        }
        if (!caller.isStaff() && ticket.status == TicketStatus.WAITING_ON_CLIENT) {
            // The client answered: the ticket is back with us and its clocks run again.
            lifecycle.applyStatus(caller, ticket, TicketStatus.IN_PROGRESS, now);
        }
        if (comment.internal) {
            // Nothing a client can observe changes: not updatedAt, not the version (the ETag), no event for them.
            changes.fire(new TicketChanged(ticket.id, ticket.organization.id, TicketChanged.What.INTERNAL_NOTE_ADDED));
            return view(comment);
        }
        // updatedAt makes the row dirty, so the version (the ETag) moves with every public comment.
        ticket.updatedAt = now;
        sla.refresh(ticket, now);
        changes.fire(new TicketChanged(ticket.id, ticket.organization.id, TicketChanged.What.COMMENTED));
        return view(comment);
    }

    /**
     * Clients add at most {@code desk.quotas.client-comments-per-ticket-per-hour} comments to one ticket per rolling
     * hour (the ticket row is locked, so this count is exact); 429 until the oldest of them leaves the hour.
     */
    private void checkClientCommentQuota(TicketEntity ticket, Instant now) {
        int max = config.quotas().clientCommentsPerTicketPerHour();
        Instant since = now.minus(java.time.Duration.ofHours(1));
        List<Instant> recent = em
                .createQuery(
                        """
                                select c.createdAt from CommentEntity c where c.ticketId = :id and c.authorStaff = false and c.createdAt > :since
                                order by c.createdAt desc""",
                        Instant.class)
                .setParameter("id", ticket.id).setParameter("since", since)
                .setMaxResults(max).getResultList();
        if (recent.size() >= max) {
            long retryAfter = java.time.Duration.between(now, recent.get(max - 1).plus(java.time.Duration.ofHours(1)))
                    .toSeconds() + 1;
            throw new org.eclipsesol.desk.limits.app.RateLimitedException(
                    "At most " + max + " client comments per ticket per hour.", retryAfter, null);
        }
    }

    public Page<EventView> events(Caller caller, UUID ticketId, Integer limit, String cursor) {
        TicketEntity ticket = access.visible(caller, ticketId);
        int size = Cursors.limit(limit == null ? 100 : limit);
        String where = "e.ticketId = :id" + (caller.isStaff() ? "" : " and e.internal = false");
        Long after = null;
        if (cursor != null) {
            try {
                after = Long.parseLong(Cursors.decode(cursor, 1)[0]);
            } catch (NumberFormatException e) {
                throw Cursors.invalid();
            }
            where += " and e.id > :after";
        }
        var query = em
                .createQuery("select e from TicketEventEntity e where " + where + " order by e.id", TicketEventEntity.class)
                .setParameter("id", ticket.id);
        if (after != null) {
            query.setParameter("after", after);
        }
        List<TicketEventEntity> rows = query.setMaxResults(size + 1).getResultList();
        return Page.of(rows, size, e -> eventView(caller, e), last -> Cursors.encode(Long.toString(last.id())));
    }

    /**
     * The history of several tickets (at most {@code perTicket} events each, oldest first) in two statements:
     * the visibility check and the events. Clients see no internal events; tickets the caller may not see
     * get an empty list.
     */
    public Map<UUID, List<EventView>> eventsOf(Caller caller, List<UUID> ticketIds, int perTicket) {
        Set<UUID> visible = access.visibleIds(caller, ticketIds);
        Map<UUID, List<EventView>> result = new HashMap<>();
        for (UUID id : ticketIds) {
            result.put(id, new ArrayList<>());
        }
        if (visible.isEmpty()) {
            return result;
        }
        // At most perTicket events per ticket, cut in SQL (window function), not after loading the whole history.
        @SuppressWarnings("unchecked")
        List<TicketEventEntity> rows = em.createNativeQuery("""
                select e.* from ticket_event e where e.id in (
                  select r.id from (select id, row_number() over (partition by ticket_id order by id) as n
                                      from ticket_event where ticket_id in (:ids) and (internal = false or :staff)) r
                   where r.n <= :rows)
                order by e.ticket_id, e.id""", TicketEventEntity.class).setParameter("ids", visible)
                .setParameter("staff", caller.isStaff()).setParameter("rows", perTicket).getResultList();
        for (TicketEventEntity e : rows) {
            result.get(e.ticketId).add(eventView(caller, e));
        }
        return result;
    }

    private static EventView eventView(Caller caller, TicketEventEntity e) {
        // The exclusion note is for staff only (as on the ticket itself); clients see that it changed.
        String detail = !caller.isStaff() && e.type == TicketEventType.EXCLUSION_CHANGED ? null : e.detail;
        return new EventView(e.id, e.occurredAt, new PersonView(e.actorId, e.actorName, null), e.type, e.field, e.before,
                e.after, detail);
    }

    static CommentView view(CommentEntity c) {
        return new CommentView(c.id, c.ticketId, new PersonView(c.authorId, c.authorName, null), c.authorStaff, c.body,
                c.internal, c.createdAt);
    }
}
