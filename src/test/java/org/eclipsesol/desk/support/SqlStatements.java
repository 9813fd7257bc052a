package org.eclipsesol.desk.support;

import org.hibernate.SessionFactory;

import io.quarkus.arc.Arc;
import io.quarkus.scheduler.Scheduler;

/**
 * Counts the SQL statements a request prepares (Hibernate statistics, on in the test profile). The statistics are
 * global, so the scheduled jobs (the SLA monitor runs every 2 s in tests) are paused while measuring, and the
 * request is measured three times keeping the least count, in case a job was already running when the pause began.
 */
public final class SqlStatements {

    private SqlStatements() {
    }

    public static long preparedBy(Runnable request) {
        Scheduler scheduler = Arc.container().instance(Scheduler.class).get();
        var statistics = Arc.container().instance(SessionFactory.class).get().getStatistics();
        scheduler.pause();
        try {
            long least = Long.MAX_VALUE;
            for (int attempt = 0; attempt < 3; attempt++) {
                statistics.clear();
                request.run();
                least = Math.min(least, statistics.getPrepareStatementCount());
            }
            return least;
        } finally {
            scheduler.resume();
        }
    }
}
