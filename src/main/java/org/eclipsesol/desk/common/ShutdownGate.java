package org.eclipsesol.desk.common;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * Graceful shutdown, the part Quarkus leaves open. On SIGTERM Quarkus turns readiness DOWN, waits
 * {@code quarkus.shutdown.delay}, then waits up to {@code quarkus.shutdown.timeout} until no request is in flight;
 * but it keeps accepting new requests all along (HTTP/1.1 ones only get {@code Connection: close}), so under steady
 * traffic the count never reaches zero, the time-out expires and the requests then in flight are cut (the resets
 * seen before). This gate answers requests that arrive after the delay with 503 problem+json, {@code Retry-After}
 * and {@code Connection: close}: a caller retries elsewhere, the in-flight ones finish, and the process exits as
 * soon as they have. It learns of the SIGTERM from a JVM shutdown hook, which runs alongside Quarkus' own.
 */
@ApplicationScoped
public class ShutdownGate {

    static final int ORDER = -2000;
    private static volatile long closingAt = Long.MAX_VALUE;

    @ConfigProperty(name = "quarkus.shutdown.delay")
    Optional<Duration> delay;

    void install(@Observes Router router) {
        long delayNanos = delay.orElse(Duration.ZERO).toNanos();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closingAt = System.nanoTime() + delayNanos,
                "desk-shutdown-gate"));
        router.route().order(ORDER).handler(ctx -> {
            if (System.nanoTime() < closingAt) {
                ctx.next();
                return;
            }
            ProblemType type = ProblemType.SERVICE_UNAVAILABLE;
            JsonObject problem = new JsonObject().put("type", type.uri()).put("title", type.title())
                    .put("status", type.status())
                    .put("detail", "This instance is shutting down; retry (another instance will answer).")
                    .put("instance", ctx.request().path());
            ctx.response().setStatusCode(503).putHeader("Content-Type", "application/problem+json")
                    .putHeader("Retry-After", "1").putHeader("Connection", "close").end(problem.encode());
        });
    }

    /** Whether this instance has been asked to stop (SIGTERM) and the delay has passed. */
    public static boolean closing() {
        return System.nanoTime() >= closingAt;
    }
}
