package org.eclipsesol.desk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.locks.LockSupport;
import java.util.function.ToLongFunction;

import org.eclipsesol.desk.common.DatabaseFaults;
import org.eclipsesol.desk.notify.app.NotificationWorker;
import org.eclipsesol.desk.ticket.app.SlaFiguresBackfill;
import org.eclipsesol.desk.ticket.app.SlaMonitor;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

import io.quarkus.arc.Arc;
import io.quarkus.scheduler.Scheduler;

/**
 * Counts the SQL statements a request prepares (or the rows of an entity it loads) (Hibernate statistics, on in the test
 * profile). The statistics are
 * global, so the scheduled jobs (the SLA monitor runs every 2 s in tests) are paused while measuring, a pass already
 * under way is waited for, and the request is measured three times keeping the least count.
 */
public final class SqlStatements {

    private SqlStatements() {
    }

    public static long preparedBy(Runnable request) {
        return leastOf(request, Statistics::getPrepareStatementCount);
    }

    /** How many rows of an entity (its class name) the request loads. */
    public static long loadsOf(String entity, Runnable request) {
        return leastOf(request, statistics -> statistics.getEntityStatistics(entity).getLoadCount());
    }

    /**
     * The statements {@code action} prepares, run once after {@code setup} (for work that cannot be repeated, such as
     * delivering the notices the setup wrote), with the scheduled jobs paused as above.
     */
    public static long preparedOnce(Runnable setup, Runnable action) {
        return leastOf(setup, action, 1, Statistics::getPrepareStatementCount);
    }

    /** A pass that began before the pause goes on through it: wait (bounded) until none is under way. */
    private static void awaitJobsFinished() {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (DatabaseFaults.jobsRunning() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(5_000_000);
        }
        assertThat(DatabaseFaults.jobsRunning()).as("scheduled passes still under way after 30 s").isZero();
    }

    private static long leastOf(Runnable request, ToLongFunction<Statistics> reading) {
        return leastOf(() -> {
        }, request, 3, reading);
    }

    private static long leastOf(Runnable setup, Runnable request, int attempts, ToLongFunction<Statistics> reading) {
        Scheduler scheduler = Arc.container().instance(Scheduler.class).get();
        var statistics = Arc.container().instance(SessionFactory.class).get().getStatistics();
        scheduler.pause();
        try {
            awaitJobsFinished();
            // Do what is due (SLA monitor, figures backfill, outbox) before measuring, not during.
            Arc.container().instance(SlaMonitor.class).get().runOnce();
            Arc.container().instance(SlaFiguresBackfill.class).get().runOnce();
            Arc.container().instance(NotificationWorker.class).get().runOnce();
            long least = Long.MAX_VALUE;
            for (int attempt = 0; attempt < attempts; attempt++) {
                setup.run();
                statistics.clear();
                request.run();
                least = Math.min(least, reading.applyAsLong(statistics));
            }
            return least;
        } finally {
            scheduler.resume();
        }
    }
}
