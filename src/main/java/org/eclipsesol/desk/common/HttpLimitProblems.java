package org.eclipsesol.desk.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * Refuses API request bodies declared (Content-Length) larger than quarkus.http.limits.max-body-size with a
 * 413 problem+json before the body is read; without this the HTTP layer answers a bare 413. A chunked body
 * over the limit is still cut off by the HTTP layer with a bare 413.
 */
@ApplicationScoped
public class HttpLimitProblems {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        router.route("/api/*").order(-1000).handler(ctx -> {
            String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && tooLarge(declared)) {
                JsonObject problem = new JsonObject()
                        .put("type", ProblemType.PAYLOAD_TOO_LARGE.uri())
                        .put("title", ProblemType.PAYLOAD_TOO_LARGE.title())
                        .put("status", 413)
                        .put("detail", "The request body is too large (attachments: at most 10 MiB).")
                        .put("instance", ctx.request().path());
                ctx.response().setStatusCode(413).putHeader("Content-Type", "application/problem+json")
                        .putHeader("Connection", "close").end(problem.encode())
                        .onComplete(done -> ctx.request().connection().close());
                return;
            }
            ctx.next();
        });
    }

    private boolean tooLarge(String declared) {
        try {
            return Long.parseLong(declared.trim()) > maxBodySize.asLongValue();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
