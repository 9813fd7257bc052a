package org.eclipsesol.desk.notify.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipsesol.desk.common.DatabaseFaults;
import org.eclipsesol.desk.common.DeskConfig;
import org.eclipsesol.desk.notify.data.NotificationEntity;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers the outbox. Each batch is one transaction: due rows are claimed with {@code FOR UPDATE SKIP LOCKED} (so
 * any number of replicas, and any number of concurrent runs on one, deliver each row once), delivered, and marked
 * SENT, or rescheduled with exponential backoff and jitter, or FAILED after the last attempt. A row waits while an
 * earlier row of the same ticket to the same recipient is still PENDING, so a ticket's notices arrive in order.
 */
@ApplicationScoped
public class NotificationWorker {

    private static final Logger LOG = Logger.getLogger(NotificationWorker.class);
    /** A run stops after this many batches (the next run goes on). */
    static final int MAX_BATCHES = 200;
    /** The claim reads the PENDING rows this many at a time, at most MAX_SCAN_PAGES pages per batch. */
    public static final int SCAN_PAGE = 500;
    /**
     * Beyond this many pages of earlier PENDING rows (10,000, all waiting for a retry or held back by their thread),
     * later rows wait for a later batch: a delay of at most the longest backoff, never a loss.
     */
    static final int MAX_SCAN_PAGES = 20;
    /** Candidates per batch, so that up to this many concurrent workers each find rows no other one holds. */
    static final int CANDIDATES_PER_BATCH = 4;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    DeskConfig config;

    @Inject
    MailDelivery mail;

    @Inject
    NoticeRenderer renderer;

    @Inject
    WebhookDelivery webhooks;

    @Inject
    OutboxMetrics metrics;

    @Scheduled(every = "${desk.notify.outbox.interval:5s}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        DatabaseFaults.runJob("Outbox worker", this::runOnce);
    }

    /** Delivers every row that is due now (tests call this after moving the test clock); returns how many it tried. */
    public int runOnce() {
        int total = 0;
        for (int i = 0; i < MAX_BATCHES; i++) {
            int batch = QuarkusTransaction.requiringNew().timeout(600).call(this::deliverBatch);
            total += batch;
            if (batch == 0) {
                break;
            }
        }
        metrics.refresh();
        return total;
    }

    int deliverBatch() {
        int batch = config.notifications().outbox().batch();
        // More candidates than a batch: rows that a concurrent worker holds are skipped, and this one takes the next.
        List<Long> claimable = claimable(clock.instant(), batch * CANDIDATES_PER_BATCH);
        if (claimable.isEmpty()) {
            return 0;
        }
        // By primary key only: no partial index on the status can be chosen here, whatever the statistics say.
        @SuppressWarnings("unchecked")
        List<NotificationEntity> locked = em.createNativeQuery(
                "select * from notification where seq in (:seqs) order by seq limit :batch for update skip locked",
                NotificationEntity.class).setParameter("seqs", claimable).setParameter("batch", batch).getResultList();
        renderer.prefetch(locked);
        int tried = 0;
        for (NotificationEntity n : locked) {
            // Delivered by another worker since the walk read it.
            if (NotificationEntity.PENDING.equals(n.status)) {
                deliver(n);
                tried++;
            }
        }
        return tried;
    }

    /**
     * The first {@code limit} due rows, in seq order, that no earlier PENDING row of the same ticket to the same
     * recipient holds back. It walks the PENDING rows in seq order (their partial index) a page at a time and decides
     * in Java, so its cost is the rows it reads: the anti-join it replaces was planned from statistics taken before a
     * burst of notices (the status's selectivity near zero) as a nested loop over every pending row for every
     * pending row: 24 s a batch at 7,560 pending (bench/results/outbox-claim-plan-http-bench.txt).
     */
    List<Long> claimable(Instant now, int limit) {
        List<Long> claimable = new ArrayList<>();
        Set<String> threads = new HashSet<>();
        long after = 0;
        for (int page = 0; page < MAX_SCAN_PAGES && claimable.size() < limit; page++) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select seq, cast(ticket_id as text), recipient, next_attempt_at <= :now from notification
                     where status = 'PENDING' and seq > :after order by seq limit :page""").setParameter("now", now)
                    .setParameter("after", after).setParameter("page", SCAN_PAGE).getResultList();
            for (Object[] row : rows) {
                after = ((Number) row[0]).longValue();
                // An earlier pending row of this thread (due or waiting for its retry) goes first.
                boolean first = row[1] == null || threads.add(row[1] + " " + row[2]);
                if (first && Boolean.TRUE.equals(row[3]) && claimable.size() < limit) {
                    claimable.add(after);
                }
            }
            if (rows.size() < SCAN_PAGE) {
                break;
            }
        }
        return claimable;
    }

    private void deliver(NotificationEntity n) {
        n.attempts++;
        try {
            if (NotificationEntity.EMAIL.equals(n.channel)) {
                mail.send(n);
            } else {
                webhooks.send(n);
            }
            n.status = NotificationEntity.SENT;
            n.sentAt = clock.instant();
            metrics.sent(n.channel);
            webhooks.recordOutcome(n, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reschedule(n, "interrupted");
        } catch (WebhookDelivery.EndpointGone e) {
            n.status = NotificationEntity.FAILED;
            n.lastError = e.getMessage();
        } catch (Exception e) {
            metrics.attemptFailed(n.channel);
            reschedule(n, e.getClass().getSimpleName() + ": " + e.getMessage());
            webhooks.recordOutcome(n, false);
        }
    }

    private void reschedule(NotificationEntity n, String error) {
        n.lastError = error.length() > 2000 ? error.substring(0, 2000) : error;
        if (n.attempts >= config.notifications().outbox().maxAttempts()) {
            n.status = NotificationEntity.FAILED;
            LOG.warnf("Notification %s (%s to %s) failed after %d attempts: %s", n.id, n.kind, n.recipient, n.attempts,
                    n.lastError);
        } else {
            n.nextAttemptAt = clock.instant().plus(backoff(n.attempts));
        }
    }

    /** base * 2^(attempts-1) times a random factor in [0.8, 1.2), at most the maximum. */
    Duration backoff(int attempts) {
        Duration base = config.notifications().outbox().backoffBase();
        Duration max = config.notifications().outbox().backoffMax();
        long millis = base.toMillis() << Math.min(attempts - 1, 30);
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis(Math.min((long) (millis * jitter), max.toMillis()));
    }
}
