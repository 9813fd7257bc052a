package org.eclipsesol.desk.common;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * A request whose declared body (Content-Length) is larger than the HTTP limit is refused before it is read,
 * as problem+json. Without this, the HTTP layer answers it with a bare 413 and no body. (Attachments just over
 * 10 MiB are within the HTTP limit and reach the attachment service, which answers its own 413. A chunked body
 * without Content-Length that exceeds the limit is still cut off by the HTTP layer with a bare 413.)
 */
@ApplicationScoped
public class RequestSizeLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router, ObjectMapper json) {
        long limit = maxBodySize.asLongValue();
        router.route("/api/*").order(-1000).handler(ctx -> {
            String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long length;
            try {
                length = declared == null ? -1 : Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length <= limit) {
                ctx.next();
                return;
            }
            ProblemType type = ProblemType.PAYLOAD_TOO_LARGE;
            String body;
            try {
                body = json.writeValueAsString(Problem.of(type,
                        "The request body is larger than this API accepts (attachments may be at most 10 MiB).",
                        ctx.request().path(), List.of()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            // The body is not read: close the connection after answering.
            ctx.response().setStatusCode(type.status()).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                    .putHeader(HttpHeaders.CONNECTION, "close").end(body);
        });
    }
}
