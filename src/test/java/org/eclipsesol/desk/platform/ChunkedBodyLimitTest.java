package org.eclipsesol.desk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.eclipsesol.desk.support.Api;
import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.Problems;
import org.eclipsesol.desk.support.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * A chunked body (Transfer-Encoding: chunked, no Content-Length) over quarkus.http.limits.max-body-size (11M) is
 * answered like a declared one: 413 problem+json of type payload-too-large, the connection closed, and nothing worse
 * than a DEBUG line in the log (issue 9, point 8).
 */
@QuarkusTest
class ChunkedBodyLimitTest {

    /** Far over the 11M limit: a server reading a chunked body to its end before answering would show. */
    private static final long OVER_THE_LIMIT = 64L * 1024 * 1024;

    private final List<LogRecord> logged = new ArrayList<>();

    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue() || record.getThrown() != null) {
                synchronized (logged) {
                    logged.add(record);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void aChunkedTicketBodyOverTheLimitIsA413Problem() throws Exception {
        RawHttp.Answer answer = RawHttp.chunkedBody("/api/v1/tickets", ANA, "application/json",
                "{\"title\":\"Too big\",\"description\":\"".getBytes(StandardCharsets.UTF_8), (byte) 'x', OVER_THE_LIMIT);
        assertTooLarge(answer);
    }

    @Test
    void aChunkedUploadOverTheLimitIsA413Problem() throws Exception {
        String ticket = Fixtures.clientTicket(ANA, "Chunked upload target", "LOW").getString("id");
        String boundary = "----desk" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.png\""
                + "\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] withMagic = new byte[head.length + Fixtures.png().length];
        System.arraycopy(head, 0, withMagic, 0, head.length);
        System.arraycopy(Fixtures.png(), 0, withMagic, head.length, Fixtures.png().length);
        RawHttp.Answer answer = RawHttp.chunkedBody("/api/v1/tickets/" + ticket + "/attachments", ANA,
                "multipart/form-data; boundary=" + boundary, withMagic, (byte) 0, OVER_THE_LIMIT);
        assertTooLarge(answer);
        Api.as(ANA).get("/api/v1/tickets/" + ticket + "/attachments").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.is(0));
    }

    @Test
    void aChunkedGraphQLBodyOverTheLimitIsA413Problem() throws Exception {
        RawHttp.Answer answer = RawHttp.chunkedBody("/graphql", ANA, "application/json",
                "{\"query\":\"{ me { email } }\",\"variables\":{\"x\":\"".getBytes(StandardCharsets.UTF_8), (byte) 'x',
                OVER_THE_LIMIT);
        assertTooLarge(answer);
    }

    @Test
    void aChunkedTicketBodyUnderTheLimitIsCreated() throws Exception {
        Fixtures.acme();
        byte[] body = new JsonObject(Fixtures.ticketBody("Sent chunked", "LOW")).encode().getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer answer = RawHttp.chunkedBody("/api/v1/tickets", ANA, "application/json", body, (byte) ' ',
                body.length + 100_000);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(201);
        assertThat(new JsonObject(answer.body()).getString("title")).isEqualTo("Sent chunked");
    }

    @Test
    void aGraphQLBodyDeclaredOverTheLimitIsA413Problem() throws Exception {
        String raw = RawHttp.declaredBody("/graphql", ANA, "application/json", 12L * 1024 * 1024);
        assertThat(raw).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json")
                .contains("\"type\":\"" + Problems.TYPE_BASE + "payload-too-large\"");
    }

    private void assertTooLarge(RawHttp.Answer answer) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(413);
        // Answered at the limit, not after the whole body (the connection is closed instead of read to its end).
        assertThat(answer.sent()).as("body bytes sent before the answer").isLessThan(24L * 1024 * 1024);
        assertThat(answer.header("connection")).isEqualToIgnoringCase("close");
        assertThat(answer.header("content-type")).as(answer.raw()).startsWith("application/problem+json");
        assertThat(answer.body()).as(answer.raw()).doesNotContain("Exception").doesNotContain("java.");
        JsonObject problem = new JsonObject(answer.body());
        assertThat(problem.getString("type")).isEqualTo(Problems.TYPE_BASE + "payload-too-large");
        assertThat(problem.getInteger("status")).isEqualTo(413);
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("detail")).isNotBlank();
        // The server goes on answering, on a new connection.
        Api.as(ANA).get("/api/v1/me").then().statusCode(200);
        synchronized (logged) {
            assertThat(logged).extracting(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()
                    + (r.getThrown() == null ? "" : " " + r.getThrown())).isEmpty();
        }
    }
}
