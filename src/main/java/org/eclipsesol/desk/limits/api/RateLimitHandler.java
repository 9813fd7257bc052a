package org.eclipsesol.desk.limits.api;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipsesol.desk.common.ProblemType;
import org.eclipsesol.desk.limits.app.RateLimiter;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Every API and GraphQL request spends one unit of the caller's budget for its kind (reads, writes, uploads,
 * escalations, intake) before it reaches a resource; over budget it is answered 429 problem+json with
 * {@code Retry-After}. Every answer carries the IETF draft {@code RateLimit} and {@code RateLimit-Policy} headers.
 * The caller is the verified token's subject, or the client address for requests without a valid token.
 */
@ApplicationScoped
public class RateLimitHandler {

    /**
     * After Quarkus' authentication and authorization filters (orders -200 and -100, so the deferred identity is
     * there), before any endpoint (GraphQL's route comes early).
     */
    static final int ORDER = -50;
    private static final Pattern UPLOAD = Pattern.compile("^/api/v1/tickets/[^/]+/attachments/?$");
    private static final Pattern ESCALATE = Pattern.compile("^/api/v1/tickets/[^/]+/escalations/?$");

    @Inject
    RateLimiter limiter;

    void install(@Observes Router router) {
        router.route("/api/*").order(ORDER).handler(this::handle);
        router.route("/graphql").order(ORDER).handler(this::handle);
    }

    /** The budget a request spends. */
    static String policyOf(HttpMethod method, String path, RoutingContext ctx) {
        if (path.startsWith("/api/v1/intake/")) {
            return "intake";
        }
        boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
        if (path.startsWith("/graphql")) {
            // A mutation is a write; the document is in the body when the body handler has read it already.
            if (!read && ctx.body() != null && ctx.body().available()) {
                String body = ctx.body().asString();
                return body != null && body.contains("mutation") ? "writes" : "reads";
            }
            return "reads";
        }
        if (read) {
            return "reads";
        }
        if (method == HttpMethod.POST && UPLOAD.matcher(path).matches()) {
            return "uploads";
        }
        if (method == HttpMethod.POST && ESCALATE.matcher(path).matches()) {
            return "escalations";
        }
        return "writes";
    }

    void handle(RoutingContext ctx) {
        if (!limiter.enabled()) {
            ctx.next();
            return;
        }
        String policy = policyOf(ctx.request().method(), ctx.normalizedPath(), ctx);
        Uni<SecurityIdentity> identity = QuarkusHttpUser.getSecurityIdentity(ctx, null);
        Uni<String> caller = identity == null
                ? Uni.createFrom().item(() -> addressOf(ctx))
                : identity.onItemOrFailure().transform((id, failure) -> id != null && !id.isAnonymous()
                        ? "sub:" + subjectOf(id)
                        : addressOf(ctx));
        caller.subscribe().with(key -> {
            // A leased unit or a standing refusal answers here; only a grant needs a worker and a statement.
            RateLimiter.Decision local = limiter.decideLocally(policy, key);
            if (local != null) {
                respond(ctx, local);
                return;
            }
            ctx.vertx().<RateLimiter.Decision> executeBlocking(() -> limiter.acquire(policy, key), false)
                    .onComplete(result -> respond(ctx, result.succeeded() ? result.result() : null));
        }, failure -> ctx.next());
    }

    private static String subjectOf(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return jwt.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    private static String addressOf(RoutingContext ctx) {
        var address = ctx.request().remoteAddress();
        return "ip:" + (address == null ? "unknown" : address.hostAddress());
    }

    private static void respond(RoutingContext ctx, RateLimiter.Decision decision) {
        if (decision == null) {
            ctx.next();
            return;
        }
        if (ctx.response().headWritten()) {
            // Authentication failed and its 401 challenge was already sent while the budget was looked up.
            return;
        }
        ctx.response().putHeader("RateLimit-Policy", decision.policyHeader());
        ctx.response().putHeader("RateLimit", decision.rateLimitHeader());
        if (decision.allowed()) {
            ctx.next();
            return;
        }
        ProblemType type = ProblemType.TOO_MANY_REQUESTS;
        JsonObject problem = new JsonObject().put("type", type.uri()).put("title", type.title()).put("status", type.status())
                .put("detail", "Too many " + decision.policy() + " requests: at most " + decision.limit() + " per "
                        + decision.windowSeconds() + " s. Retry after " + decision.retryAfterSeconds() + " s.")
                .put("instance", ctx.request().path());
        ctx.response().setStatusCode(429).putHeader("Content-Type", "application/problem+json")
                .putHeader("Retry-After", Long.toString(decision.retryAfterSeconds())).end(problem.encode());
    }
}
