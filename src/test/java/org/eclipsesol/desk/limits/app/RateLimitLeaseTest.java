package org.eclipsesol.desk.limits.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipsesol.desk.common.DeskConfig;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Leases of the shared rate-limit buckets (RateLimiter): a busy caller costs far fewer statements than requests,
 * yet two replicas sharing one budget in PostgreSQL never admit more than the budget together, and a refusal is
 * remembered until a unit can exist again. Each "replica" is its own RateLimiter on the real database, with a
 * reads budget of 400 per hour (leases of up to 20 units).
 */
@QuarkusTest
class RateLimitLeaseTest {

    private static final int LIMIT = 400;
    /** An hour, so a unit refills only every 9 s: a slow machine neither refills much nor outlives a refusal. */
    private static final Duration WINDOW = Duration.ofHours(1);

    @Inject
    DataSource dataSource;

    private RateLimiter replica() {
        DeskConfig.Budget budget = proxy(DeskConfig.Budget.class, name -> switch (name) {
            case "limit" -> LIMIT;
            case "window" -> WINDOW;
            default -> throw new UnsupportedOperationException(name);
        });
        DeskConfig.RateLimits limits = proxy(DeskConfig.RateLimits.class,
                name -> name.equals("enabled") ? Boolean.TRUE : budget);
        RateLimiter limiter = new RateLimiter();
        limiter.dataSource = dataSource;
        limiter.config = proxy(DeskConfig.class, name -> {
            if (name.equals("rateLimits")) {
                return limits;
            }
            throw new UnsupportedOperationException(name);
        });
        return limiter;
    }

    private interface Answer {
        Object of(String method);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
                (self, method, args) -> answer.of(method.getName())));
    }

    @Test
    void oneReplicaAdmitsExactlyTheBudgetCountingDownWithFewStatements() {
        RateLimiter limiter = replica();
        String caller = "sub:lease-" + UUID.randomUUID();
        long started = System.nanoTime();
        List<Long> remaining = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) {
            RateLimiter.Decision decision = limiter.acquire("reads", caller);
            assertThat(decision.allowed()).as("request %d of the budget", i + 1).isTrue();
            remaining.add(decision.remaining());
        }
        // The headers count down as if every request had asked the shared bucket (give or take what refilled
        // while the loop ran).
        assertThat(remaining.get(0)).isEqualTo(LIMIT - 1L);
        assertThat(remaining.get(LIMIT - 1)).isBetween(0L, (long) refilledSince(started));
        for (int i = 1; i < LIMIT; i++) {
            assertThat(remaining.get(i)).isLessThanOrEqualTo(remaining.get(i - 1) + refilledSince(started));
        }
        long afterBudget = limiter.statementsRun();
        assertThat(afterBudget).as("statements for %d requests", LIMIT).isLessThan(LIMIT / 5);

        RateLimiter.Decision refused = refuseWithin(limiter, caller, LIMIT);
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 10L);
        assertThat(refused.remaining()).isZero();
        long afterRefusal = limiter.statementsRun();
        for (int i = 0; i < 50; i++) {
            RateLimiter.Decision again = limiter.acquire("reads", caller);
            assertThat(again.allowed()).isFalse();
            assertThat(again.retryAfterSeconds()).isBetween(1L, 10L);
            assertThat(limiter.decideLocally("reads", caller).allowed()).isFalse();
        }
        assertThat(limiter.statementsRun()).as("statements while a refusal stands (it must not ask the database again)")
                .isEqualTo(afterRefusal);
    }

    @Test
    void twoReplicasTogetherNeverAdmitMoreThanTheBudget() {
        RateLimiter a = replica();
        RateLimiter b = replica();
        String caller = "sub:lease-" + UUID.randomUUID();
        long started = System.nanoTime();
        int admitted = 0;
        int refusedInARow = 0;
        for (int i = 0; i < 3 * LIMIT && refusedInARow < 10; i++) {
            RateLimiter limiter = i % 3 == 0 ? b : a;
            boolean allowed = limiter.acquire("reads", caller).allowed();
            admitted += allowed ? 1 : 0;
            refusedInARow = allowed ? 0 : refusedInARow + 1;
        }
        assertThat(refusedInARow).as("both replicas refuse in the end").isEqualTo(10);
        // Never beyond the budget plus what refilled during the loop; at most one lease per replica (20 units)
        // is left unused in the other replica's hands.
        assertThat(admitted).isBetween(LIMIT - 2 * 20, LIMIT + refilledSince(started));
        assertThat(a.statementsRun() + b.statementsRun()).isLessThan(LIMIT / 4);
    }

    @Test
    void anotherCallerIsNotAffectedAndLocalDecisionsNeedAGrantFirst() {
        RateLimiter limiter = replica();
        String caller = "sub:lease-" + UUID.randomUUID();
        assertThat(limiter.decideLocally("reads", caller)).as("nothing leased yet").isNull();
        refuseWithin(limiter, caller, 2 * LIMIT);
        RateLimiter.Decision other = limiter.acquire("reads", "sub:lease-" + UUID.randomUUID());
        assertThat(other.allowed()).isTrue();
        assertThat(other.remaining()).isEqualTo(LIMIT - 1L);
    }

    /** Units the budget refilled since {@code started}, plus one for the unit in progress. */
    private static int refilledSince(long started) {
        return (int) ((double) (System.nanoTime() - started) / WINDOW.toNanos() * LIMIT) + 1;
    }

    private static RateLimiter.Decision refuseWithin(RateLimiter limiter, String caller, int attempts) {
        for (int i = 0; i < attempts; i++) {
            RateLimiter.Decision decision = limiter.acquire("reads", caller);
            if (!decision.allowed()) {
                return decision;
            }
        }
        throw new AssertionError("no refusal within " + attempts + " requests");
    }
}
