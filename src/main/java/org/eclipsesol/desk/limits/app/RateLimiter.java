package org.eclipsesol.desk.limits.app;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipsesol.desk.common.DatabaseFaults;
import org.eclipsesol.desk.common.DeskConfig;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Per-caller budgets shared by every replica, kept in PostgreSQL (table rate_limit_bucket) with the generic cell
 * rate algorithm: each budget allows a burst of {@code limit} requests and refills at {@code limit} per
 * {@code window}. One statement per request (an upsert that only moves the bucket when the request fits), on
 * the database clock so replicas agree; a refused request costs a second, read-only statement for Retry-After.
 * If the database cannot be asked, the request is let through (it would fail on the database anyway): fail open,
 * one WARN per incident (DatabaseFaults), and for two seconds after a fault the limiter is not asked at all, so an
 * outage costs no extra connection attempts per request.
 * <p>
 * A busy caller does not cost one statement per request: the replica takes a <em>lease</em> of several units from
 * the shared bucket at once (one statement) and hands them out from memory, and a refusal is remembered until the
 * moment a unit can exist again. The lease starts at one unit and doubles while leases are used up within a second
 * (halving when not), up to 5 % of the budget (at most 1,000), so the statements per caller and replica settle near
 * one per second. Nothing is ever admitted beyond the budget (leased units are spent in the shared bucket); what a
 * replica still holds when its caller goes quiet is lost to that caller, at most 5 % of the budget per replica.
 * Budgets of fewer than 40 units are never leased: they behave exactly as one statement per request.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    /** After a database fault the limiter is not asked for this long (fail open, issue 9). */
    private static final long SKIP_AFTER_FAULT_NANOS = 2_000_000_000L;
    private static final String NOW = "(extract(epoch from now()) * 1000000)::bigint";
    private static final String ACQUIRE = "insert into rate_limit_bucket as b (bucket_key, tat_us) values (?, " + NOW
            + " + ?) on conflict (bucket_key) do update set tat_us = greatest(b.tat_us, " + NOW + ") + ?"
            + " where greatest(b.tat_us, " + NOW + ") + ? - " + NOW + " <= ? returning tat_us, " + NOW;
    /** A lease is at most this share of the budget (1/20), and never more than LEASE_MAX units. */
    private static final int LEASE_SHARE = 20;
    private static final int LEASE_MAX = 1_000;
    /** A lease used up faster than this grows; one that lasted longer shrinks. */
    private static final long LEASE_TARGET_NANOS = 1_000_000_000L;
    /** Leases idle this long are forgotten by the clean-up (their units, if any, are lost to the caller). */
    private static final long LEASE_IDLE_NANOS = 10 * 60 * 1_000_000_000L;
    /** Beyond this many callers held in memory, the leases are dropped at the next clean-up or grant. */
    private static final int LEASES_MAX = 100_000;
    private static final String PEEK = "select tat_us, " + NOW + " from rate_limit_bucket where bucket_key = ?";

    /** The outcome for one request against one budget, with what the IETF RateLimit headers report. */
    public record Decision(boolean allowed, String policy, int limit, long windowSeconds, long remaining,
            long resetSeconds, long retryAfterSeconds) {

        /** {@code RateLimit-Policy: "reads";q=1200;w=60} */
        public String policyHeader() {
            return "\"" + policy + "\";q=" + limit + ";w=" + windowSeconds;
        }

        /** {@code RateLimit: "reads";r=1187;t=11} */
        public String rateLimitHeader() {
            return "\"" + policy + "\";r=" + remaining + ";t=" + resetSeconds;
        }
    }

    /**
     * What this replica holds of one caller's budget. Guarded by {@link #lock}; the event loop only ever
     * {@code tryLock}s it, so a grant in progress on a worker never blocks it.
     */
    private static final class Lease {
        final ReentrantLock lock = new ReentrantLock();
        /** Units leased from the shared bucket and not handed out yet. */
        int left;
        /** Size of the last grant, and when it came. */
        int granted;
        long grantedAtNanos;
        /** The shared bucket's arrival time ahead of the database clock right after the last grant. */
        long aheadUsAtGrant;
        /** No unit can exist before this moment (the last refusal), so asking the database is pointless. */
        long refusedUntilNanos;
        long usedAtNanos;
    }

    private final ConcurrentHashMap<String, Lease> leases = new ConcurrentHashMap<>();
    /** Statements run against the shared buckets (tests prove leases save them). */
    private final LongAdder statements = new LongAdder();

    @Inject
    DataSource dataSource;

    @Inject
    DeskConfig config;

    public boolean enabled() {
        return config.rateLimits().enabled();
    }

    public DeskConfig.Budget budget(String policy) {
        var limits = config.rateLimits();
        return switch (policy) {
            case "reads" -> limits.reads();
            case "writes" -> limits.writes();
            case "uploads" -> limits.uploads();
            case "escalations" -> limits.escalations();
            case "intake" -> limits.intake();
            case "intake-sender" -> limits.intakeSender();
            default -> throw new IllegalArgumentException(policy);
        };
    }

    /**
     * Decides from what this replica already holds (a leased unit, or a refusal that still stands) without a
     * statement and without waiting; null when the database must be asked ({@link #acquire}). Safe on the event
     * loop.
     */
    public Decision decideLocally(String policy, String caller) {
        if (!enabled()) {
            return null;
        }
        Lease lease = leases.get(key(policy, caller));
        if (lease == null || !lease.lock.tryLock()) {
            return null;
        }
        try {
            return fromLease(lease, Shape.of(policy, budget(policy)), System.nanoTime());
        } finally {
            lease.lock.unlock();
        }
    }

    /** Takes one request from the caller's budget {@code policy}; null when limits are off or unavailable. */
    public Decision acquire(String policy, String caller) {
        if (!enabled()) {
            return null;
        }
        Shape shape = Shape.of(policy, budget(policy));
        String key = key(policy, caller);
        if (leases.size() > LEASES_MAX) {
            leases.clear();
        }
        Lease lease = leases.computeIfAbsent(key, k -> new Lease());
        // Requests of one caller on this replica wait for each other's grant instead of each asking the database.
        lease.lock.lock();
        try {
            long now = System.nanoTime();
            Decision local = fromLease(lease, shape, now);
            if (local != null) {
                return local;
            }
            if (DatabaseFaults.recentlyFailed(SKIP_AFTER_FAULT_NANOS)) {
                // Fail open during a database incident: no connection spent on the budget while the request itself
                // will answer 503 (or succeed); the incident is logged once by DatabaseFaults.
                return null;
            }
            try {
                // Never part of a business transaction: a refused or rolled-back request still spent its budget.
                return QuarkusTransaction.isActive()
                        ? QuarkusTransaction.suspendingExisting().call(() -> ask(lease, key, shape, now))
                        : ask(lease, key, shape, now);
            } catch (SQLException | RuntimeException e) {
                if (DatabaseFaults.isFault(e)) {
                    DatabaseFaults.record("rate limiter", e);
                } else {
                    LOG.warnf("Rate limit %s not checked: %s", policy, e.getMessage());
                }
                return null;
            }
        } finally {
            lease.lock.unlock();
        }
    }

    /** Like {@link #acquire}, refusing with 429 when the budget is spent. */
    public Decision require(String policy, String caller, String what) {
        Decision decision = acquire(policy, caller);
        if (decision != null && !decision.allowed()) {
            throw new RateLimitedException(what + " Retry after " + decision.retryAfterSeconds() + " s.",
                    decision.retryAfterSeconds(), decision);
        }
        return decision;
    }

    private static String key(String policy, String caller) {
        return policy + ":" + (caller.length() > 500 ? caller.substring(0, 500) : caller);
    }

    /** A budget in the units the algorithm counts in, and the decisions it gives. */
    private record Shape(String policy, int limit, long windowUs, long intervalUs) {

        static Shape of(String policy, DeskConfig.Budget budget) {
            long windowUs = Math.max(1, budget.window().toNanos() / 1000);
            int limit = Math.max(1, budget.limit());
            return new Shape(policy, limit, windowUs, Math.max(1, windowUs / limit));
        }

        /** Admitted, the shared bucket {@code aheadUs} ahead of now, {@code held} units still leased here. */
        Decision allowed(long aheadUs, int held) {
            long remaining = Math.max(0, (windowUs - aheadUs) / intervalUs) + held;
            return new Decision(true, policy, limit, windowSeconds(), remaining, ceilSeconds(aheadUs), 0);
        }

        Decision refused(long aheadUs, long retryAfterUs) {
            return new Decision(false, policy, limit, windowSeconds(), 0, ceilSeconds(aheadUs),
                    Math.max(1, ceilSeconds(retryAfterUs)));
        }

        private long windowSeconds() {
            return Math.max(1, windowUs / 1_000_000);
        }
    }

    /** A unit from the lease, or the standing refusal; null when neither (the lock is held). */
    private static Decision fromLease(Lease lease, Shape shape, long now) {
        long ahead = Math.max(0, lease.aheadUsAtGrant - (now - lease.grantedAtNanos) / 1000);
        if (lease.left > 0) {
            lease.left--;
            lease.usedAtNanos = now;
            return shape.allowed(ahead, lease.left);
        }
        if (now - lease.refusedUntilNanos < 0) {
            return shape.refused(ahead, (lease.refusedUntilNanos - now) / 1000);
        }
        return null;
    }

    /** The next lease's size: doubling while leases are used up within a second, halving when they last longer. */
    private static int nextLeaseSize(Lease lease, Shape shape, long now) {
        int cap = Math.min(LEASE_MAX, Math.max(1, shape.limit() / LEASE_SHARE));
        if (lease.granted == 0) {
            return 1;
        }
        int size = now - lease.grantedAtNanos < LEASE_TARGET_NANOS ? lease.granted * 2 : lease.granted / 2;
        return Math.max(1, Math.min(cap, size));
    }

    /** One statement: a lease of the next size, else of one unit, else the refusal (a second, read-only one). */
    private Decision ask(Lease lease, String key, Shape shape, long now) throws SQLException {
        int size = nextLeaseSize(lease, shape, now);
        try (Connection c = dataSource.getConnection()) {
            for (int units = size; units >= 1; units = units > 1 ? 1 : 0) {
                Long ahead = take(c, key, units * shape.intervalUs(), shape.windowUs());
                if (ahead != null) {
                    lease.granted = units;
                    lease.grantedAtNanos = now;
                    lease.aheadUsAtGrant = ahead;
                    lease.left = units - 1;
                    lease.usedAtNanos = now;
                    return shape.allowed(ahead, lease.left);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(PEEK)) {
                ps.setString(1, key);
                statements.increment();
                try (ResultSet rs = ps.executeQuery()) {
                    long ahead = rs.next() ? rs.getLong(1) - rs.getLong(2) : shape.windowUs();
                    long retryAfterUs = Math.max(0, ahead + shape.intervalUs() - shape.windowUs());
                    // The bucket's arrival time only moves forward, so no unit exists before then on any replica.
                    lease.granted = 0;
                    lease.refusedUntilNanos = now + retryAfterUs * 1000;
                    lease.usedAtNanos = now;
                    return shape.refused(ahead, retryAfterUs);
                }
            }
        }
    }

    /** Moves the bucket by {@code costUs} if that fits the window: how far it is then ahead, or null. */
    private Long take(Connection c, String key, long costUs, long windowUs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ACQUIRE)) {
            ps.setString(1, key);
            ps.setLong(2, costUs);
            ps.setLong(3, costUs);
            ps.setLong(4, costUs);
            ps.setLong(5, windowUs);
            statements.increment();
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) - rs.getLong(2) : null;
            }
        }
    }

    long statementsRun() {
        return statements.sum();
    }

    private static long ceilSeconds(long micros) {
        return micros <= 0 ? 0 : (micros + 999_999) / 1_000_000;
    }

    /** Buckets whose arrival time has passed are full again: the same as no row. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetFullBuckets() {
        long now = System.nanoTime();
        leases.values().removeIf(lease -> now - lease.usedAtNanos > LEASE_IDLE_NANOS);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("delete from rate_limit_bucket where tat_us < " + NOW)) {
            ps.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Rate limit clean-up skipped: %s", e.getMessage());
        }
    }
}
