package org.eclipsesol.desk.notify.app;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.eclipsesol.desk.common.Cursors;
import org.eclipsesol.desk.common.Page;
import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.notify.data.NotificationEntity;
import org.eclipsesol.desk.security.Caller;

/** The outbox for supervisors: the list with filters, and a retry of a failed row. */
@ApplicationScoped
public class NotificationService {

    private static final Set<String> STATUSES = Set.of(NotificationEntity.PENDING, NotificationEntity.SENT,
            NotificationEntity.FAILED);
    private static final Set<String> CHANNELS = Set.of(NotificationEntity.EMAIL, NotificationEntity.WEBHOOK);

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Newest first, keyset-paged. */
    public Page<NotificationView> list(Caller caller, String status, String channel, UUID ticketId, UUID webhookId,
            Integer limit, String cursor) {
        caller.requireSupervisor();
        int size = Cursors.limit(limit);
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.invalid("status", "must be one of " + STATUSES);
        }
        if (channel != null && !CHANNELS.contains(channel)) {
            throw ProblemException.invalid("channel", "must be one of " + CHANNELS);
        }
        StringBuilder where = new StringBuilder("1 = 1");
        if (status != null) {
            where.append(" and n.status = :status");
        }
        if (channel != null) {
            where.append(" and n.channel = :channel");
        }
        if (ticketId != null) {
            where.append(" and n.ticketId = :ticket");
        }
        if (webhookId != null) {
            where.append(" and n.webhookId = :webhook");
        }
        Long before = null;
        if (cursor != null) {
            try {
                before = Long.parseLong(Cursors.decode(cursor, 1)[0]);
            } catch (NumberFormatException e) {
                throw Cursors.invalid();
            }
            where.append(" and n.seq < :before");
        }
        var query = em.createQuery("select n from NotificationEntity n where " + where + " order by n.seq desc",
                NotificationEntity.class);
        if (status != null) {
            query.setParameter("status", status);
        }
        if (channel != null) {
            query.setParameter("channel", channel);
        }
        if (ticketId != null) {
            query.setParameter("ticket", ticketId);
        }
        if (webhookId != null) {
            query.setParameter("webhook", webhookId);
        }
        if (before != null) {
            query.setParameter("before", before);
        }
        List<NotificationEntity> rows = query.setMaxResults(size + 1).getResultList();
        boolean more = rows.size() > size;
        List<NotificationEntity> kept = more ? rows.subList(0, size) : rows;
        return new Page<>(kept.stream().map(NotificationService::view).toList(),
                more ? Cursors.encode(kept.get(kept.size() - 1).seq.toString()) : null);
    }

    public NotificationView get(Caller caller, UUID id) {
        caller.requireSupervisor();
        return view(find(id, false));
    }

    /** A FAILED row goes back to PENDING, due now, with a fresh attempt count (409 for any other state). */
    @Transactional
    public NotificationView retry(Caller caller, UUID id) {
        caller.requireSupervisor();
        NotificationEntity n = find(id, true);
        if (!NotificationEntity.FAILED.equals(n.status)) {
            throw ProblemException.conflict("Only a FAILED notification can be retried; this one is " + n.status + ".");
        }
        n.status = NotificationEntity.PENDING;
        n.attempts = 0;
        n.nextAttemptAt = clock.instant();
        return view(n);
    }

    private NotificationEntity find(UUID id, boolean lock) {
        List<NotificationEntity> found = em.createQuery("select n from NotificationEntity n where n.id = :id",
                NotificationEntity.class).setParameter("id", id)
                .setLockMode(lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE).getResultList();
        if (found.isEmpty()) {
            throw ProblemException.notFound("Notification " + id);
        }
        return found.get(0);
    }

    static NotificationView view(NotificationEntity n) {
        return new NotificationView(n.id, n.channel, n.recipient, n.subject, n.kind, n.ticketId, n.webhookId,
                NotificationEntity.WEBHOOK.equals(n.channel) ? n.ref : null, n.status, n.attempts, n.lastError,
                NotificationEntity.PENDING.equals(n.status) ? n.nextAttemptAt : null, n.createdAt, n.sentAt);
    }
}
