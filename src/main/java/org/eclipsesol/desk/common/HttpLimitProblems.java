package org.eclipsesol.desk.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * Refuses request bodies declared larger than desk.http.max-body-size with a 413 problem+json, before any
 * byte of the body is read. Quarkus' own (higher) limit stays as the backstop for chunked bodies, which it
 * answers with a bare 413.
 */
@ApplicationScoped
public class HttpLimitProblems {

    @ConfigProperty(name = "desk.http.max-body-bytes", defaultValue = "11534336")
    long maxBodyBytes;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
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
            return Long.parseLong(declared.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
