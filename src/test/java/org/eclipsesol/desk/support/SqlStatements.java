package org.eclipsesol.desk.support;

import java.util.function.ToLongFunction;

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
 * global, so the scheduled jobs (the SLA monitor runs every 2 s in tests) are paused while measuring, and the
 * request is measured three times keeping the least count, in case a job was already running when the pause began.
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

    private static long leastOf(Runnable request, ToLongFunction<Statistics> reading) {
        Scheduler scheduler = Arc.container().instance(Scheduler.class).get();
        var statistics = Arc.container().instance(SessionFactory.class).get().getStatistics();
        scheduler.pause();
        try {
            // A scheduled run already under way (the outbox worker rendering notices) goes on through the pause:
            // do what is due first (outbox, SLA monitor, figures backfill), so it has little left to do while the request is
            // measured.
            Arc.container().instance(SlaMonitor.class).get().runOnce();
            Arc.container().instance(SlaFiguresBackfill.class).get().runOnce();
            Arc.container().instance(NotificationWorker.class).get().runOnce();
            long least = Long.MAX_VALUE;
            for (int attempt = 0; attempt < 3; attempt++) {
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
