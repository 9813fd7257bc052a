package org.eclipsesol.desk.common;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Bulkheads: at most {@code concurrent} requests of one endpoint group work on the database at once, at most
 * {@code queue} more wait (each at most {@code desk.bulkhead.max-wait}); beyond that a request is shed at once with
 * 503 problem+json and {@code Retry-After}, instead of queueing for the pool's acquisition time-out. Groups:
 * {@code tickets} (tickets, escalations, GraphQL), {@code reports}, {@code intake} and {@code other} (me,
 * organizations, SLA policies and quotes). The sum of the groups' concurrency stays under the pool size, so a
 * locked ticket table cannot take the connections {@code /api/v1/me} needs. The SLA monitor and the maintenance
 * job are single scheduled jobs (one connection each, never concurrent with themselves). WebSocket upgrades
 * (subscriptions) are not counted: each of their reads is short and they are capped per caller.
 * <p>
 * A Vert.x route before authentication and the rate limiter (which itself uses the database).
 */
@ApplicationScoped
public class Bulkhead {

    static final int ORDER = -1100;
    private static final Logger LOG = Logger.getLogger(Bulkhead.class);

    @Inject
    DeskConfig config;

    private Group tickets;
    private Group reports;
    private Group intake;
    private Group other;

    void install(@Observes Router router) {
        DeskConfig.Bulkheads b = config.bulkhead();
        if (!b.enabled()) {
            return;
        }
        long maxWait = b.maxWait().toMillis();
        tickets = new Group("tickets", b.tickets(), maxWait);
        reports = new Group("reports", b.reports(), maxWait);
        intake = new Group("intake", b.intake(), maxWait);
        other = new Group("other", b.other(), maxWait);
        router.route("/api/*").order(ORDER).handler(this::handle);
        router.route("/graphql").order(ORDER).handler(this::handle);
    }

    Group groupOf(String path) {
        if (path.startsWith("/api/v1/reports")) {
            return reports;
        }
        if (path.startsWith("/api/v1/intake")) {
            return intake;
        }
        if (path.startsWith("/api/v1/tickets") || path.startsWith("/api/v1/escalations") || path.startsWith("/graphql")) {
            return tickets;
        }
        return other;
    }

    void handle(RoutingContext ctx) {
        if (ctx.request().getHeader("Upgrade") != null) {
            ctx.next();
            return;
        }
        groupOf(ctx.normalizedPath()).enter(ctx);
    }

    /** One group's permits and queue; guarded by its own monitor (event loops call in concurrently). */
    static final class Group {

        final String name;
        final int concurrent;
        final int queue;
        final long maxWaitMillis;
        private int active;
        private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
        private final java.util.concurrent.atomic.AtomicLong lastShedLog = new java.util.concurrent.atomic.AtomicLong(
                System.nanoTime() - 20_000_000_000L);

        Group(String name, DeskConfig.BulkheadGroup config, long maxWaitMillis) {
            this.name = name;
            this.concurrent = Math.max(1, config.concurrent());
            this.queue = Math.max(0, config.queue());
            this.maxWaitMillis = Math.max(1, maxWaitMillis);
        }

        void enter(RoutingContext ctx) {
            Waiter waiter = null;
            synchronized (this) {
                if (active < concurrent) {
                    active++;
                } else if (waiting.size() < queue) {
                    waiter = new Waiter(ctx, Vertx.currentContext());
                    waiting.add(waiter);
                } else {
                    waiter = Waiter.SHED;
                }
            }
            if (waiter == null) {
                admit(ctx);
            } else if (waiter == Waiter.SHED) {
                shed(ctx, "full");
            } else {
                Waiter w = waiter;
                w.timer = ctx.vertx().setTimer(maxWaitMillis, id -> {
                    boolean removed;
                    synchronized (this) {
                        removed = waiting.remove(w);
                    }
                    if (removed) {
                        shed(ctx, "waited " + maxWaitMillis + " ms");
                    }
                });
            }
        }

        private void admit(RoutingContext ctx) {
            AtomicBoolean released = new AtomicBoolean();
            Runnable once = () -> {
                if (released.compareAndSet(false, true)) {
                    release();
                }
            };
            // The permit is returned when the response's headers are written (the database work is done by then) or,
            // failing that, when the response ends or its connection closes. The end handler alone is not enough: a
            // response whose transaction failed to roll back may replace the response's end and close handlers,
            // which the fault suite saw leak permits.
            ctx.addHeadersEndHandler(v -> once.run());
            ctx.addEndHandler(done -> once.run());
            ctx.next();
        }

        private void release() {
            Waiter next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    active--;
                    return;
                }
            }
            // The permit passes to the longest waiting request, on its own event loop.
            Waiter w = next;
            w.ctx.vertx().cancelTimer(w.timer);
            Runnable go = () -> {
                if (w.ctx.response().closed() || w.ctx.response().ended()) {
                    release();
                } else {
                    admit(w.ctx);
                }
            };
            if (w.context != null) {
                w.context.runOnContext(v -> go.run());
            } else {
                go.run();
            }
        }

        private void shed(RoutingContext ctx, String why) {
            long now = System.nanoTime();
            long last = lastShedLog.get();
            if (now - last > 10_000_000_000L && lastShedLog.compareAndSet(last, now)) {
                int a;
                int w;
                synchronized (this) {
                    a = active;
                    w = waiting.size();
                }
                LOG.infof("Bulkhead %s is shedding requests with 503 (%s; %d of %d at work, %d waiting); logged at most every"
                        + " 10 s", name, why, a, concurrent, w);
            }
            if (ctx.response().closed() || ctx.response().ended()) {
                return;
            }
            ProblemType type = ProblemType.SERVICE_UNAVAILABLE;
            JsonObject problem = new JsonObject().put("type", type.uri()).put("title", type.title())
                    .put("status", type.status())
                    .put("detail", "Too many " + name + " requests are being served; retry after "
                            + ProblemMappers.RETRY_AFTER_SECONDS + " s.")
                    .put("instance", ctx.request().path());
            ctx.response().setStatusCode(503).putHeader("Content-Type", "application/problem+json")
                    .putHeader("Retry-After", Integer.toString(ProblemMappers.RETRY_AFTER_SECONDS)).end(problem.encode());
        }

        synchronized int active() {
            return active;
        }
    }

    static final class Waiter {

        static final Waiter SHED = new Waiter(null, null);
        final RoutingContext ctx;
        final Context context;
        long timer;

        Waiter(RoutingContext ctx, Context context) {
            this.ctx = ctx;
            this.context = context;
        }
    }
}
