package org.eclipsesol.desk.ticket.app;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.eclipsesol.desk.catalog.Channel;
import org.eclipsesol.desk.catalog.Exclusion;
import org.eclipsesol.desk.catalog.TicketStatus;
import org.eclipsesol.desk.common.Cursors;
import org.eclipsesol.desk.common.Page;
import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.common.ProblemType;
import org.eclipsesol.desk.customer.data.OrganizationEntity;
import org.eclipsesol.desk.escalation.data.EscalationEntity;
import org.eclipsesol.desk.security.Caller;
import org.eclipsesol.desk.security.OrganizationRef;
import org.eclipsesol.desk.security.data.AppUserEntity;
import org.eclipsesol.desk.sla.app.SlaService;
import org.eclipsesol.desk.ticket.data.TicketEntity;
import org.eclipsesol.desk.ticket.data.TicketEventType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tickets: creation (idempotent), listing, reading and changing them through the lifecycle. Every rule
 * of who may do what lives here, so REST and GraphQL obey the same ones.
 */
@ApplicationScoped
public class TicketService {

    /** A client may reopen a resolved ticket for this long; after it the ticket closes by itself. */
    public static final Duration REOPEN_WINDOW = Duration.ofDays(7);
    private static final Instant EARLIEST_OPENED_AT = Instant.parse("2000-01-01T00:00:00Z");

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    TicketAccess access;

    @Inject
    TicketHistory history;

    @Inject
    SlaService sla;

    @Inject
    ObjectMapper json;

    @Inject
    Event<TicketChanged> changes;

    public record Created(TicketView ticket, boolean replayed) {
    }

    // ---- create

    @Transactional
    public Created create(Caller caller, @Valid @NotNull TicketInput input, String idempotencyKey) {
        caller.requireTicketUser();
        boolean staff = caller.isStaff();
        if (!staff && (input.organizationId() != null || input.requesterEmail() != null || input.openedAt() != null)) {
            throw ProblemException.forbidden("organizationId, requesterEmail and openedAt may be set by staff only.");
        }
        Channel channel = input.channel() == null ? Channel.PORTAL : input.channel();
        if (!staff && channel != Channel.PORTAL && channel != Channel.MOBILE) {
            throw ProblemException.invalid("channel", "clients open tickets through PORTAL or MOBILE");
        }
        Instant now = clock.instant();
        Instant openedAt = input.openedAt() == null ? now : input.openedAt();
        org.eclipsesol.desk.common.Instants.inRange("openedAt", openedAt);
        if (openedAt.isAfter(now)) {
            throw ProblemException.invalid("openedAt", "must not be in the future");
        }
        if (openedAt.isBefore(EARLIEST_OPENED_AT)) {
            throw ProblemException.invalid("openedAt", "must be after 2000-01-01");
        }
        OrganizationEntity org;
        String requesterEmail;
        String requesterName;
        String requesterId;
        if (staff) {
            if (input.organizationId() == null) {
                throw ProblemException.invalid("organizationId", "is required when staff open a ticket");
            }
            if (input.requesterEmail() == null) {
                throw ProblemException.invalid("requesterEmail", "is required when staff open a ticket");
            }
            org = OrganizationEntity.findById(input.organizationId());
            if (org == null) {
                throw ProblemException.invalid("organizationId", "is not a known organization");
            }
            requesterEmail = input.requesterEmail().trim().toLowerCase();
            requesterName = null;
            requesterId = null;
        } else {
            org = OrganizationEntity.findById(caller.organizationId());
            requesterEmail = caller.email();
            requesterName = caller.name();
            requesterId = caller.id();
        }

        String key = normalizeKey(idempotencyKey);
        String requestHash = key == null ? null : hash(input);
        if (key != null) {
            TicketView replay = claimKey(caller, key, requestHash, now);
            if (replay != null) {
                return new Created(replay, true);
            }
        }

        TicketEntity ticket = insert(caller, org, requesterEmail, requesterName, requesterId, input, channel, openedAt, now);
        if (key != null) {
            em.createNativeQuery("update idempotency_key set ticket_id = :ticket where caller_id = :caller and key = :key")
                    .setParameter("ticket", ticket.id).setParameter("caller", caller.id()).setParameter("key", key)
                    .executeUpdate();
        }
        return new Created(view(caller, ticket, now), false);
    }

    /**
     * Opens an EMAIL ticket for a known sender on behalf of the mail gateway (the intake has resolved the
     * sender's organization). The actor in the history is the gateway; the requester is the sender.
     */
    public TicketEntity openFromEmail(Caller gateway, OrganizationEntity org, String from, TicketInput input,
            Instant receivedAt) {
        Instant now = clock.instant();
        Instant openedAt = receivedAt == null || receivedAt.isAfter(now) ? now : receivedAt;
        return insert(gateway, org, from, null, null, input, Channel.EMAIL, openedAt, now);
    }

    private TicketEntity insert(Caller actor, OrganizationEntity org, String requesterEmail, String requesterName,
            String requesterId, TicketInput input, Channel channel, Instant openedAt, Instant now) {
        TicketEntity ticket = new TicketEntity();
        ticket.id = UUID.randomUUID();
        ticket.organization = org;
        ticket.requesterEmail = requesterEmail;
        ticket.requesterName = requesterName;
        ticket.requesterId = requesterId;
        ticket.title = input.title().trim();
        ticket.description = input.description();
        ticket.errorMessage = input.errorMessage();
        ticket.stepsToReproduce = input.stepsToReproduce();
        ticket.priority = input.priority();
        ticket.service = input.service();
        ticket.category = input.category();
        ticket.channel = channel;
        ticket.status = TicketStatus.NEW;
        ticket.openedAt = openedAt;
        ticket.createdAt = now;
        ticket.updatedAt = now;
        ticket.outOfScope = !org.covers(input.service());
        ticket.policyVersion = sla.policyInForceAt(openedAt).version();
        ticket.persist();
        em.flush();
        em.refresh(ticket);
        history.record(ticket, actor, now, TicketEventType.CREATED, null, null, TicketStatus.NEW,
                "channel " + channel
                        + (ticket.outOfScope ? "; service not covered by the agreement: out of scope, billable" : ""),
                false);
        sla.refresh(ticket, now);
        changes.fire(new TicketChanged(ticket.id, org.id, "CREATED"));
        return ticket;
    }

    private static String normalizeKey(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        if (key.length() > 200) {
            throw ProblemException.invalid("Idempotency-Key", "must be at most 200 characters");
        }
        return key.trim();
    }

    /**
     * Claims the key for this request. A concurrent request with the same key waits on the row until
     * the first commits, then finds the key taken and replays the first ticket.
     */
    private TicketView claimKey(Caller caller, String key, String requestHash, Instant now) {
        int claimed = em.createNativeQuery("""
                insert into idempotency_key (caller_id, key, request_hash, created_at) values (:caller, :key, :hash, :now)
                on conflict do nothing
                """)
                .setParameter("caller", caller.id()).setParameter("key", key).setParameter("hash", requestHash)
                .setParameter("now", now).executeUpdate();
        if (claimed == 1) {
            return null;
        }
        Object[] row = (Object[]) em.createNativeQuery(
                "select request_hash, ticket_id from idempotency_key where caller_id = :caller and key = :key")
                .setParameter("caller", caller.id()).setParameter("key", key).getSingleResult();
        if (!requestHash.equals(row[0])) {
            throw new ProblemException(ProblemType.UNPROCESSABLE,
                    "This Idempotency-Key was already used with a different request.");
        }
        if (row[1] == null) {
            throw ProblemException.conflict("A request with this Idempotency-Key is still being processed; retry shortly.");
        }
        return view(caller, access.visible(caller, (UUID) row[1]), now);
    }

    private String hash(TicketInput input) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(input));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot hash the request", e);
        }
    }

    // ---- read

    public TicketView get(Caller caller, UUID id) {
        return view(caller, access.visible(caller, id), clock.instant());
    }

    public TicketView getByNumber(Caller caller, String number) {
        return view(caller, access.visibleByNumber(caller, number), clock.instant());
    }

    public Page<TicketView> list(Caller caller, TicketFilter filter, Integer limit, String cursor) {
        TicketPage page = page(caller, filter, limit, cursor);
        return new Page<>(page.items(), page.nextCursor());
    }

    /**
     * The same list as {@link #list}, with the cursor that resumes after each item (GraphQL connections
     * give every edge a cursor).
     */
    public TicketPage page(Caller caller, TicketFilter filter, Integer limit, String cursor) {
        caller.requireTicketUser();
        int size = Cursors.limit(limit);
        TicketSort sort = filter.sort() == null ? TicketSort.NEWEST : filter.sort();
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = filterClause(caller, filter, params);
        String order;
        switch (sort) {
            case OLDEST -> {
                if (cursor != null) {
                    where.append(" and t.number > :after");
                    params.put("after", parseLong(Cursors.decode(cursor, 1)[0]));
                }
                order = " order by t.number asc";
            }
            case DUE -> {
                if (cursor != null) {
                    String[] parts = Cursors.decode(cursor, 2);
                    long number = parseLong(parts[1]);
                    if (parts[0].isEmpty()) {
                        where.append(" and t.slaDueAt is null and t.number > :after");
                    } else {
                        where.append(" and (t.slaDueAt > :afterDue or (t.slaDueAt = :afterDue and t.number > :after)"
                                + " or t.slaDueAt is null)");
                        params.put("afterDue", Instant.ofEpochSecond(0, parseLong(parts[0])));
                    }
                    params.put("after", number);
                }
                order = " order by t.slaDueAt asc nulls last, t.number asc";
            }
            default -> {
                if (cursor != null) {
                    where.append(" and t.number < :after");
                    params.put("after", parseLong(Cursors.decode(cursor, 1)[0]));
                }
                order = " order by t.number desc";
            }
        }
        var query = em.createQuery("select t from TicketEntity t join fetch t.organization left join fetch t.assignee where "
                + where + order, TicketEntity.class);
        params.forEach(query::setParameter);
        List<TicketEntity> rows = query.setMaxResults(size + 1).getResultList();
        boolean more = rows.size() > size;
        if (more) {
            rows = rows.subList(0, size);
        }
        Instant now = clock.instant();
        Map<UUID, EscalationSummary> escalations = openEscalations(
                rows.stream().filter(t -> t.escalated).map(t -> t.id).toList());
        List<TicketView> items = new ArrayList<>(rows.size());
        for (TicketEntity t : rows) {
            items.add(view(caller, t, now, escalations.get(t.id)));
        }
        List<String> cursors = new ArrayList<>(rows.size());
        for (TicketEntity t : rows) {
            cursors.add(cursorOf(t, sort));
        }
        return new TicketPage(items, cursors, more ? cursors.get(cursors.size() - 1) : null);
    }

    /** How many tickets the caller would page through with this filter (one count statement). */
    public long count(Caller caller, TicketFilter filter) {
        caller.requireTicketUser();
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = filterClause(caller, filter, params);
        var query = em.createQuery("select count(t) from TicketEntity t where " + where, Long.class);
        params.forEach(query::setParameter);
        return query.getSingleResult();
    }

    private static String cursorOf(TicketEntity t, TicketSort sort) {
        return switch (sort) {
            case DUE -> Cursors.encode(t.slaDueAt == null ? "" : Long.toString(nanos(t.slaDueAt)), Long.toString(t.number));
            default -> Cursors.encode(Long.toString(t.number));
        };
    }

    /** The WHERE clause of a list: the caller's visibility first, then the filters. */
    private static StringBuilder filterClause(Caller caller, TicketFilter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("1 = 1");
        if (caller.isClientOnly()) {
            where.append(" and t.organization.id = :own");
            params.put("own", caller.organizationId());
        }
        if (filter.organizationId() != null) {
            where.append(" and t.organization.id = :org");
            params.put("org", filter.organizationId());
        }
        if (filter.status() != null) {
            where.append(" and t.status = :status");
            params.put("status", filter.status());
        }
        if (filter.priority() != null) {
            where.append(" and t.priority = :priority");
            params.put("priority", filter.priority());
        }
        if (filter.service() != null) {
            where.append(" and t.service = :service");
            params.put("service", filter.service());
        }
        if (filter.assigneeId() != null) {
            where.append(" and t.assignee.id = :assignee");
            params.put("assignee", filter.assigneeId());
        }
        if (filter.escalated() != null) {
            where.append(" and t.escalated = :escalated");
            params.put("escalated", filter.escalated());
        }
        if (filter.slaStatus() != null) {
            where.append(" and (t.slaResponseStatus = :sla or t.slaResolutionStatus = :sla)");
            params.put("sla", filter.slaStatus());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            String q = filter.q().trim();
            where.append(" and (lower(t.title) like :q escape '\\' or lower(t.description) like :q escape '\\'"
                    + " or concat('T-', t.number) = :qNumber)");
            params.put("q", "%" + q.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            params.put("qNumber", q.toUpperCase());
        }
        return where;
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static long parseLong(String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw Cursors.invalid();
        }
    }

    // ---- change

    @Transactional
    public TicketView patch(Caller caller, UUID id, @Valid @NotNull TicketPatch patch, Integer expectedVersion) {
        TicketEntity ticket = access.forUpdate(caller, id);
        if (expectedVersion != null && expectedVersion != ticket.version) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "The ticket was changed since you read it (your version " + expectedVersion + ", current "
                            + ticket.version + "); reload it and retry.");
        }
        if (patch.isEmpty()) {
            throw ProblemException.badRequest("The request changes nothing: give at least one field to change.");
        }
        if (!caller.isStaff() && (patch.priority() != null || patch.assigneeId() != null || patch.service() != null
                || patch.category() != null || patch.exclusion() != null)) {
            throw ProblemException.forbidden("Clients may only confirm, cancel or reopen their tickets.");
        }
        Instant now = clock.instant();
        // Validate everything before changing anything, so a refused request changes nothing.
        AppUserEntity newAssignee = patch.assigneeId() == null
                ? null
                : resolveAssignee(caller, patch.assigneeId().orElse(null));
        if (patch.priority() != null && patch.priority() != ticket.priority
                && (patch.reason() == null || patch.reason().isBlank())) {
            throw ProblemException.invalid("reason", "is required when the priority changes");
        }
        Exclusion newExclusion = patch.exclusion() == null ? null : patch.exclusion().orElse(null);
        if (newExclusion != null && (patch.exclusionNote() == null || patch.exclusionNote().isBlank())) {
            throw ProblemException.invalid("exclusionNote", "is required when marking an exclusion");
        }
        if (patch.status() != null && patch.status() != ticket.status) {
            checkTransition(caller, ticket, patch.status(), now);
        }

        // Only what differs is a change; a request that changes nothing leaves the ticket (and its version) alone.
        boolean changed = false;
        if (patch.priority() != null && patch.priority() != ticket.priority) {
            changed = true;
            history.record(ticket, caller, now, TicketEventType.PRIORITY_CHANGED, "priority", ticket.priority, patch.priority(),
                    patch.reason().trim(), false);
            ticket.priority = patch.priority();
        }
        if (patch.assigneeId() != null) {
            String before = ticket.assignee == null ? null : ticket.assignee.id;
            String after = newAssignee == null ? null : newAssignee.id;
            if (before == null ? after != null : !before.equals(after)) {
                changed = true;
                history.record(ticket, caller, now, TicketEventType.ASSIGNED, "assigneeId", before, after, null, false);
                ticket.assignee = newAssignee;
            }
        }
        if (patch.service() != null && patch.service() != ticket.service) {
            changed = true;
            boolean outOfScope = !ticket.organization.covers(patch.service());
            history.record(ticket, caller, now, TicketEventType.SERVICE_CHANGED, "service", ticket.service, patch.service(),
                    outOfScope ? "not covered by the agreement: out of scope, billable" : null, false);
            ticket.service = patch.service();
            ticket.outOfScope = outOfScope;
        }
        if (patch.category() != null && patch.category() != ticket.category) {
            changed = true;
            history.record(ticket, caller, now, TicketEventType.CATEGORY_CHANGED, "category", ticket.category,
                    patch.category(), null, false);
            ticket.category = patch.category();
        }
        if (patch.exclusion() != null && newExclusion != ticket.exclusion) {
            changed = true;
            history.record(ticket, caller, now, TicketEventType.EXCLUSION_CHANGED, "exclusion", ticket.exclusion, newExclusion,
                    newExclusion == null ? null : patch.exclusionNote().trim(), false);
            ticket.exclusion = newExclusion;
            ticket.exclusionNote = newExclusion == null ? null : patch.exclusionNote().trim();
        }
        if (patch.status() != null && patch.status() != ticket.status) {
            changed = true;
            applyStatus(caller, ticket, patch.status(), now);
        }
        if (!changed) {
            return view(caller, ticket, now);
        }
        ticket.updatedAt = now;
        sla.refresh(ticket, now);
        em.flush();
        changes.fire(new TicketChanged(ticket.id, ticket.organization.id, "UPDATED"));
        return view(caller, ticket, now);
    }

    private AppUserEntity resolveAssignee(Caller caller, String assigneeId) {
        if (assigneeId == null) {
            if (!caller.isSupervisor()) {
                throw ProblemException.forbidden("Only a supervisor may unassign a ticket.");
            }
            return null;
        }
        if (!caller.isSupervisor() && !assigneeId.equals(caller.id())) {
            throw ProblemException.forbidden("Technicians may assign tickets to themselves only.");
        }
        AppUserEntity user = AppUserEntity.findById(assigneeId);
        if (user == null || !user.isStaff()) {
            throw ProblemException.invalid("assigneeId", "is not a known technician or supervisor");
        }
        return user;
    }

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

    /** Applies an already checked status change with its side effects and history. */
    void applyStatus(Caller actor, TicketEntity ticket, TicketStatus target, Instant now) {
        TicketStatus before = ticket.status;
        history.record(ticket, actor, now, TicketEventType.STATUS_CHANGED, "status", before, target, null, false);
        ticket.status = target;
        SlaService.recordStatus(ticket, target, now);
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

    /** Closes tickets resolved more than {@link #REOPEN_WINDOW} ago (the policy's automatic confirmation). */
    @Transactional
    public int closeExpiredResolutions() {
        Instant now = clock.instant();
        List<TicketEntity> due = em.createQuery(
                "select t from TicketEntity t where t.status = :resolved and t.resolvedAt < :limit", TicketEntity.class)
                .setParameter("resolved", TicketStatus.RESOLVED).setParameter("limit", now.minus(REOPEN_WINDOW))
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2)
                .setMaxResults(200).getResultList();
        for (TicketEntity ticket : due) {
            applyStatus(null, ticket, TicketStatus.CLOSED, now);
            ticket.updatedAt = now;
            sla.refresh(ticket, now);
            changes.fire(new TicketChanged(ticket.id, ticket.organization.id, "UPDATED"));
        }
        return due.size();
    }

    // ---- views

    public TicketView view(Caller caller, TicketEntity t, Instant now) {
        return view(caller, t, now, t.escalated ? openEscalations(List.of(t.id)).get(t.id) : null);
    }

    private TicketView view(Caller caller, TicketEntity t, Instant now, EscalationSummary escalation) {
        boolean staff = caller == null || caller.isStaff();
        PersonView assignee = t.assignee == null ? null : new PersonView(t.assignee.id, t.assignee.name, t.assignee.email);
        return new TicketView(t.id, t.displayNumber(), t.title, t.description, t.errorMessage, t.stepsToReproduce, t.priority,
                t.service, t.category, t.channel, t.status, new OrganizationRef(t.organization.id, t.organization.name),
                new PersonView(t.requesterId, t.requesterName, t.requesterEmail), assignee, t.openedAt, t.createdAt,
                t.updatedAt, t.firstResponseAt, t.resolvedAt, t.closedAt, t.escalated, escalation, t.exclusion,
                staff ? t.exclusionNote : null, t.outOfScope, t.billable(), sla.view(t, now), t.version);
    }

    /** The latest escalation that is not closed, per ticket, in one statement. */
    Map<UUID, EscalationSummary> openEscalations(List<UUID> ticketIds) {
        Map<UUID, EscalationSummary> result = new HashMap<>();
        if (ticketIds.isEmpty()) {
            return result;
        }
        List<EscalationEntity> open = em.createQuery(
                "select e from EscalationEntity e where e.ticketId in :ids and e.status <> 'CLOSED' order by e.raisedAt",
                EscalationEntity.class).setParameter("ids", ticketIds).getResultList();
        for (EscalationEntity e : open) {
            result.put(e.ticketId, new EscalationSummary(e.level, e.reason, e.source, e.raisedByName, e.raisedAt, e.status));
        }
        return result;
    }
}
