package org.eclipsesol.desk.notify.app;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Outbox metrics: {@code desk.notifications.queued} and {@code desk.notifications.failed} (rows PENDING and FAILED
 * now), {@code desk.notifications.oldest.due.seconds} (how long the oldest due row has waited), counters
 * {@code desk.notifications.sent} and {@code desk.notifications.attempts.failed}. The gauges are read from the
 * database by each worker run (one statement), so every replica reports the cluster's figures.
 */
@ApplicationScoped
public class OutboxMetrics {

    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong oldestDueSeconds = new AtomicLong();

    @Inject
    MeterRegistry registry;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    void register(@jakarta.enterprise.event.Observes StartupEvent start) {
        Gauge.builder("desk.notifications.queued", queued, AtomicLong::get).description("Outbox rows waiting (PENDING)")
                .register(registry);
        Gauge.builder("desk.notifications.failed", failed, AtomicLong::get).description("Outbox rows FAILED")
                .register(registry);
        Gauge.builder("desk.notifications.oldest.due.seconds", oldestDueSeconds, AtomicLong::get)
                .description("Age of the oldest due outbox row").register(registry);
    }

    void sent(String channel) {
        registry.counter("desk.notifications.sent", "channel", channel).increment();
    }

    void attemptFailed(String channel) {
        registry.counter("desk.notifications.attempts.failed", "channel", channel).increment();
    }

    /** Re-reads the gauges (one statement). */
    public void refresh() {
        Instant now = clock.instant();
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                select count(*) filter (where status = 'PENDING'), count(*) filter (where status = 'FAILED'),
                       min(created_at) filter (where status = 'PENDING' and next_attempt_at <= :now)
                  from notification""").setParameter("now", now).getSingleResult());
        queued.set(((Number) row[0]).longValue());
        failed.set(((Number) row[1]).longValue());
        Instant oldest = toInstant(row[2]);
        oldestDueSeconds.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toSeconds()));
    }

    private static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected " + value.getClass());
    }

    long queued() {
        return queued.get();
    }
}
