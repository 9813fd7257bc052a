package org.eclipsesol.desk.limits.app;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

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

    /** Takes one request from the caller's budget {@code policy}; null when limits are off or unavailable. */
    public Decision acquire(String policy, String caller) {
        if (!enabled()) {
            return null;
        }
        DeskConfig.Budget budget = budget(policy);
        long windowUs = Math.max(1, budget.window().toNanos() / 1000);
        int limit = Math.max(1, budget.limit());
        long intervalUs = Math.max(1, windowUs / limit);
        String key = policy + ":" + (caller.length() > 500 ? caller.substring(0, 500) : caller);
        if (DatabaseFaults.recentlyFailed(SKIP_AFTER_FAULT_NANOS)) {
            // Fail open during a database incident: no connection spent on the budget while the request itself
            // will answer 503 (or succeed); the incident is logged once by DatabaseFaults.
            return null;
        }
        try {
            // Never part of a business transaction: a refused or rolled-back request still spent its budget.
            return QuarkusTransaction.isActive()
                    ? QuarkusTransaction.suspendingExisting().call(() -> run(key, policy, limit, windowUs, intervalUs))
                    : run(key, policy, limit, windowUs, intervalUs);
        } catch (SQLException | RuntimeException e) {
            if (DatabaseFaults.isFault(e)) {
                DatabaseFaults.record("rate limiter", e);
            } else {
                LOG.warnf("Rate limit %s not checked: %s", policy, e.getMessage());
            }
            return null;
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

    private Decision run(String key, String policy, int limit, long windowUs, long intervalUs) throws SQLException {
        long windowSeconds = Math.max(1, windowUs / 1_000_000);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(ACQUIRE)) {
                ps.setString(1, key);
                ps.setLong(2, intervalUs);
                ps.setLong(3, intervalUs);
                ps.setLong(4, intervalUs);
                ps.setLong(5, windowUs);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        long ahead = rs.getLong(1) - rs.getLong(2);
                        long remaining = Math.max(0, (windowUs - ahead) / intervalUs);
                        return new Decision(true, policy, limit, windowSeconds, remaining, ceilSeconds(ahead), 0);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(PEEK)) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    long ahead = rs.next() ? rs.getLong(1) - rs.getLong(2) : windowUs;
                    long retryAfter = Math.max(1, ceilSeconds(ahead + intervalUs - windowUs));
                    return new Decision(false, policy, limit, windowSeconds, 0, ceilSeconds(ahead), retryAfter);
                }
            }
        }
    }

    private static long ceilSeconds(long micros) {
        return micros <= 0 ? 0 : (micros + 999_999) / 1_000_000;
    }

    /** Buckets whose arrival time has passed are full again: the same as no row. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void forgetFullBuckets() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("delete from rate_limit_bucket where tat_us < " + NOW)) {
            ps.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.debugf("Rate limit clean-up skipped: %s", e.getMessage());
        }
    }
}
