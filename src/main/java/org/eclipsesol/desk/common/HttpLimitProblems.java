package org.eclipsesol.desk.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.vertx.VertxInputStream;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Every request body over quarkus.http.limits.max-body-size, on REST (/api) and GraphQL (/graphql), is answered 413
 * problem+json of type payload-too-large and the connection is closed (the rest of the body is not read). Without
 * this the HTTP layer answers a bare 413, and for a chunked body Quarkus REST then also logs "Response has already
 * been written" (issue 9, point 8).
 * <ul>
 * <li>A body declared (Content-Length) over the limit is refused here before it is read.</li>
 * <li>A chunked body (no Content-Length) on REST: Quarkus REST's blocking input stream would cut it off at the limit
 * with a bare 413 of its own. That cut-off is moved {@link #SLACK} further out (it stays as the hard limit), and the
 * limit itself is counted where the body is consumed, JSON entity or multipart form, by {@link ChunkedBodyLimit} (a
 * {@link BodyTooLargeException}, mapped to the problem). Such a 413 closes the connection once it is written.</li>
 * <li>A chunked body on GraphQL: the body handler fails the request with 413; the failure handler here answers it.</li>
 * </ul>
 */
@ApplicationScoped
public class HttpLimitProblems {

    private static final Logger LOG = Logger.getLogger(HttpLimitProblems.class);

    public static final String DETAIL = "The request body is too large (attachments: at most 10 MiB).";

    /**
     * How far beyond the limit Quarkus REST's own cut-off of a chunked body moves: more than the body it may have
     * received ahead of what the parser has consumed (a few chunks), so the limit is always seen where it is
     * consumed first.
     */
    static final long SLACK = 1024 * 1024;

    /** Routing context key: a REST request whose body has no declared length (ChunkedBodyLimit counts it). */
    static final String CHUNKED = "desk.chunked-body";

    /** Routing context key: this request was answered 413 here and its connection closed. */
    private static final String ANSWERED = "desk.answered-413";

    /** First on /api and /graphql: before the rate limit, the bulkhead and any body handler. */
    static final int ORDER = -1000;

    /** After Quarkus' upload limit (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT, -2), which sets the key for chunked bodies. */
    static final int ORDER_AFTER_UPLOAD_LIMIT = -1;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        for (String path : new String[] { "/api/*", "/graphql" }) {
            router.route(path).order(ORDER).handler(this::refuseDeclared).failureHandler(this::answerFailure);
        }
        router.route("/api/*").order(ORDER_AFTER_UPLOAD_LIMIT).handler(this::chunked);
    }

    /** The limit applied to the bytes of a chunked body as they are consumed (ChunkedBodyLimit). */
    public long limit() {
        return maxBodySize.asLongValue();
    }

    private void refuseDeclared(RoutingContext ctx) {
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && tooLarge(declared)) {
            respond(ctx);
            return;
        }
        ctx.next();
    }

    /** A chunked REST body: Quarkus REST's cut-off moves out by SLACK; a 413 closes the connection once written. */
    private void chunked(RoutingContext ctx) {
        Object cutOff = ctx.get(VertxInputStream.MAX_REQUEST_SIZE_KEY);
        if (cutOff instanceof Long value) {
            ctx.put(VertxInputStream.MAX_REQUEST_SIZE_KEY, value + SLACK);
            ctx.put(CHUNKED, Boolean.TRUE);
            ctx.addHeadersEndHandler(v -> {
                if (ctx.response().getStatusCode() == 413) {
                    ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
                }
            });
            ctx.addBodyEndHandler(v -> {
                if (ctx.response().getStatusCode() == 413 && !ctx.request().isEnded()) {
                    LOG.debugf("Chunked body over the limit on %s: 413, connection closed", ctx.request().path());
                    ctx.request().connection().close();
                }
            });
        }
        ctx.next();
    }

    /**
     * A body handler's 413 (GraphQL's chunked body over the limit). The body handler then reports the connection
     * closed here under it: that request has had its answer. Anything else goes on to the next failure handler.
     */
    private void answerFailure(RoutingContext ctx) {
        if (ctx.get(ANSWERED) != null) {
            LOG.debugf("After the 413 on %s: %s", ctx.request().path(), ctx.failure());
            return;
        }
        if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
            LOG.debugf("Body over the limit on %s: 413, connection closed", ctx.request().path());
            respond(ctx);
            return;
        }
        ctx.next();
    }

    private static void respond(RoutingContext ctx) {
        ctx.put(ANSWERED, Boolean.TRUE);
        JsonObject problem = new JsonObject()
                .put("type", ProblemType.PAYLOAD_TOO_LARGE.uri())
                .put("title", ProblemType.PAYLOAD_TOO_LARGE.title())
                .put("status", 413)
                .put("detail", DETAIL)
                .put("instance", ctx.request().path());
        ctx.response().setStatusCode(413).putHeader("Content-Type", "application/problem+json")
                .putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE).end(problem.encode())
                .onComplete(done -> ctx.request().connection().close());
    }

    private boolean tooLarge(String declared) {
        try {
            return Long.parseLong(declared.trim()) > maxBodySize.asLongValue();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
