package org.eclipsesol.desk.notify.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    DeskConfig config;

    @Inject
    MailDelivery mail;

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
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Long> claimed = em.createNativeQuery("""
                select n.seq from notification n
                 where n.status = 'PENDING' and n.next_attempt_at <= :now
                   and not exists (select 1 from notification p
                                    where p.status = 'PENDING' and p.ticket_id = n.ticket_id
                                      and p.recipient = n.recipient and p.seq < n.seq)
                 order by n.seq limit :batch for update of n skip locked""", Long.class).setParameter("now", now)
                .setParameter("batch", config.notifications().outbox().batch()).getResultList();
        for (Long seq : claimed) {
            deliver(em.find(NotificationEntity.class, seq));
        }
        return claimed.size();
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
