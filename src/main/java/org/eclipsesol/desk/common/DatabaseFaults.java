package org.eclipsesol.desk.common;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

/**
 * Recognises failures that mean "the database is unavailable or too slow right now" (answered 503 with
 * {@code Retry-After}, never 500) and logs them as incidents: one WARN line when an incident begins, a summary
 * of how many failures it had when the next one begins, no stack trace per request.
 * <p>
 * Unavailable: connection refused or lost (SQL state class 08), the server shutting down or starting up
 * (57P01, 57P02, 57P03), too many connections (53300), an I/O error, the pool's acquisition timeout. Too slow:
 * {@code statement_timeout} (57014), {@code lock_timeout} (55P03), a socket read time-out, a transaction
 * time-out. Only the first kind is worth an immediate retry of an idempotent read ({@link #connectionLost}).
 */
public final class DatabaseFaults {

    /** What kind of database fault a failure is. */
    public enum Kind {
        /** The connection failed or could not be had: a read may be retried at once. */
        UNAVAILABLE,
        /** A statement, lock or transaction ran out of time: retrying at once would only wait again. */
        TIMEOUT
    }

    private static final Logger LOG = Logger.getLogger(DatabaseFaults.class);
    /** Failures closer together than this are one incident. */
    private static final long INCIDENT_GAP_NANOS = 30_000_000_000L;
    private static final AtomicLong LAST_FAILURE = new AtomicLong(System.nanoTime() - 2 * INCIDENT_GAP_NANOS);
    private static final AtomicLong FAILURES = new AtomicLong();
    private static final AtomicInteger JOBS_RUNNING = new AtomicInteger();

    private DatabaseFaults() {
    }

    /** The kind of database fault {@code e} is, or null when it is something else. */
    public static Kind kindOf(Throwable e) {
        return kindOf(e, 0);
    }

    /**
     * Through causes and suppressed exceptions: a commit that failed on a dead connection is a RollbackException whose
     * suppressed XAException carries the SQL state.
     */
    private static Kind kindOf(Throwable e, int level) {
        Kind kind = kindOfChain(e);
        if (kind != null || level > 2) {
            return kind;
        }
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            for (Throwable suppressed : t.getSuppressed()) {
                kind = kindOf(suppressed, level + 1);
                if (kind != null) {
                    return kind;
                }
            }
        }
        return null;
    }

    private static Kind kindOfChain(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof SQLException sql) {
                Kind kind = kindOfState(sql.getSQLState());
                if (kind != null) {
                    return kind;
                }
                if (t instanceof SQLTransientConnectionException) {
                    return Kind.UNAVAILABLE;
                }
                String message = String.valueOf(sql.getMessage()).toLowerCase();
                if (message.contains("acquisition timeout") || message.contains("connection is closed")
                        || message.contains("this connection has been closed")) {
                    return Kind.UNAVAILABLE;
                }
            }
            if (t instanceof SocketTimeoutException) {
                return Kind.TIMEOUT;
            }
            if (t instanceof java.net.ConnectException || t instanceof java.io.EOFException
                    || t instanceof java.net.SocketException) {
                return Kind.UNAVAILABLE;
            }
            String name = t.getClass().getName();
            if (name.equals("org.hibernate.exception.JDBCConnectionException")) {
                return Kind.UNAVAILABLE;
            }
            if (name.equals("jakarta.persistence.QueryTimeoutException")
                    || name.equals("jakarta.persistence.LockTimeoutException")
                    || name.equals("org.hibernate.exception.LockTimeoutException")
                    || name.equals("org.hibernate.QueryTimeoutException")) {
                return Kind.TIMEOUT;
            }
            String message = String.valueOf(t.getMessage());
            // Narayana: the transaction reaper rolled back a transaction that ran past its time-out.
            if (message.contains("ARJUNA") && (message.contains("timeout") || message.contains("not active")
                    || message.contains("aborted") || message.contains("rolled back"))) {
                return Kind.TIMEOUT;
            }
            if (t instanceof IOException && message.contains("Connection reset")) {
                return Kind.UNAVAILABLE;
            }
            if (t.getClass().getName().equals("javax.transaction.xa.XAException")
                    && (message.contains("terminating connection") || message.contains("I/O error")
                            || message.contains("connection has been closed"))) {
                return Kind.UNAVAILABLE;
            }
        }
        return null;
    }

    static Kind kindOfState(String state) {
        if (state == null) {
            return null;
        }
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("53300") || state.equals("58030")) {
            return Kind.UNAVAILABLE;
        }
        if (state.equals("57014") || state.equals("55P03")) {
            return Kind.TIMEOUT;
        }
        return null;
    }

    /** Whether {@code e} is a database fault of either kind. */
    public static boolean isFault(Throwable e) {
        return kindOf(e) != null;
    }

    /** Whether {@code e} is a lost or refused connection, after which an idempotent read may be retried once. */
    public static boolean connectionLost(Throwable e) {
        return kindOf(e) == Kind.UNAVAILABLE;
    }

    /** Whether a database fault was seen within {@code nanos}. */
    public static boolean recentlyFailed(long nanos) {
        return System.nanoTime() - LAST_FAILURE.get() < nanos;
    }

    /** The caller's message for a fault of this kind. */
    public static String detail(Kind kind) {
        return kind == Kind.TIMEOUT
                ? "The database did not answer in time; the outcome of a write is unknown: retry (with the same Idempotency-Key)."
                : "The database is unavailable; the outcome of a write is unknown: retry (with the same Idempotency-Key).";
    }

    /**
     * Counts a fault seen by {@code where}; logs one WARN line when it starts an incident (no fault in the last
     * 30 s), naming how many the previous incident had. Never a stack trace.
     */
    public static void record(String where, Throwable e) {
        long now = System.nanoTime();
        long last = LAST_FAILURE.getAndSet(now);
        long count = FAILURES.incrementAndGet();
        if (now - last >= INCIDENT_GAP_NANOS) {
            FAILURES.set(1);
            LOG.warnf("Database unavailable or too slow (%s, first seen by %s): answering 503 with Retry-After until it"
                    + " recovers; this is logged once per incident%s", summary(e), where,
                    count > 1 ? " (the previous incident had " + (count - 1) + " failures)" : "");
        } else {
            LOG.debugf("Database fault %d of this incident at %s: %s", count, where, summary(e));
        }
    }

    /**
     * Runs one pass of a scheduled job: a database fault is recorded (once per incident; the next run catches up, as
     * the job's rows stay due), and a failure while the service shuts down is dropped (what was not committed is
     * claimed again by the next run or replica); anything else is thrown.
     */
    public static void runJob(String job, Runnable pass) {
        JOBS_RUNNING.incrementAndGet();
        try {
            pass.run();
        } catch (RuntimeException e) {
            if (isFault(e)) {
                record(job, e);
            } else if (!ShutdownGate.closing()) {
                throw e;
            }
        } finally {
            JOBS_RUNNING.decrementAndGet();
        }
    }

    /**
     * How many scheduled passes are under way on this replica (a paused scheduler lets a started pass finish, so
     * whatever needs the jobs quiet, such as counting a request's statements, waits for this to reach zero).
     */
    public static int jobsRunning() {
        return JOBS_RUNNING.get();
    }

    /** Marks the end of an incident (the readiness check saw the database answer again). */
    public static void recovered() {
        long count = FAILURES.getAndSet(0);
        if (count > 0) {
            LAST_FAILURE.set(System.nanoTime() - 2 * INCIDENT_GAP_NANOS);
            LOG.infof("Database available again after %d failed requests or checks", count);
        }
    }

    /** The innermost SQL state and message, short. */
    static String summary(Throwable e) {
        String state = null;
        String message = null;
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                state = sql.getSQLState();
            }
            message = t.getClass().getSimpleName() + ": " + t.getMessage();
        }
        if (message != null && message.length() > 200) {
            message = message.substring(0, 200);
        }
        return (state == null ? "" : "SQL state " + state + ", ") + message;
    }
}
