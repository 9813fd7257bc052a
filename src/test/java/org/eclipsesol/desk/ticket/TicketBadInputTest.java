package org.eclipsesol.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.as;
import static org.eclipsesol.desk.support.Api.bare;

import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.eclipsesol.desk.support.Db;
import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.Problems;
import org.eclipsesol.desk.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Bad input on every ticket endpoint: each answers an exact 4xx as problem+json (with the offending fields for
 * field errors), leaks no Java internals, and leaves the database as it was.
 */
@QuarkusTest
class TicketBadInputTest {

    static String ticketId;
    static String acmeId;

    /** Once per class (RestAssured knows the test port only from the first test on, hence not @BeforeAll). */
    @BeforeEach
    void ticket() {
        if (ticketId == null) {
            acmeId = Fixtures.acme();
            Fixtures.globex();
            ticketId = Fixtures.clientTicket(ANA, Fixtures.unique("Bad input target"), "MEDIUM").getString("id");
        }
    }

    /** One bad request: what it sends (given the ticket's URL) and the expected status, type and fields. */
    record Case(String name, Function<String, Response> request, int status, String type, String... fields) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        String tickets = "/api/v1/tickets";
        return Stream.of(
                // --- create: body
                bad("create: malformed JSON", u -> as(ANA).body("{\"title\": \"VPN\",").post(tickets), "bad-request"),
                bad("create: not JSON at all", u -> as(ANA).body("VPN is down").post(tickets), "bad-request"),
                bad("create: an array instead of an object", u -> as(ANA).body("[]").post(tickets), "bad-request"),
                bad("create: empty body", u -> as(ANA).body("").post(tickets), "bad-request"),
                invalid("create: unknown priority", u -> as(ANA).body(ticket("priority", "URGENT")).post(tickets),
                        "priority"),
                invalid("create: lower-case enum", u -> as(ANA).body(ticket("service", "managed_it")).post(tickets),
                        "service"),
                invalid("create: enum given as a number", u -> as(ANA).body(ticket("priority", 1)).post(tickets),
                        "priority"),
                invalid("create: title of the wrong type", u -> as(ANA).body(ticket("title", Map.of("a", 1))).post(tickets),
                        "title"),
                invalid("create: unknown field", u -> as(ANA).body(ticket("colour", "red")).post(tickets), "colour"),
                invalid("create: missing required fields", u -> as(ANA).body("{}").post(tickets), "title", "description",
                        "priority", "service", "category"),
                invalid("create: blank title", u -> as(ANA).body(ticket("title", "   ")).post(tickets), "title"),
                invalid("create: title too long", u -> as(ANA).body(ticket("title", "x".repeat(201))).post(tickets),
                        "title"),
                invalid("create: openedAt in the future",
                        u -> as(TOM).body(staffTicket("openedAt", TestClock.now().plus(1, ChronoUnit.HOURS).toString()))
                                .post(tickets),
                        "openedAt"),
                invalid("create: openedAt not a time", u -> as(TOM).body(staffTicket("openedAt", "yesterday")).post(tickets),
                        "openedAt"),
                invalid("create: organizationId not a UUID",
                        u -> as(TOM).body(staffTicket("organizationId", "not-a-uuid")).post(tickets), "organizationId"),
                invalid("create: unknown organization",
                        u -> as(TOM).body(staffTicket("organizationId", "00000000-0000-0000-0000-000000000000"))
                                .post(tickets),
                        "organizationId"),
                invalid("create: requesterEmail not an e-mail",
                        u -> as(TOM).body(staffTicket("requesterEmail", "not-an-email")).post(tickets), "requesterEmail"),
                invalid("create: staff without organization", u -> as(TOM).body(ticket("channel", "PHONE")).post(tickets),
                        "organizationId"),
                invalid("create: client through the PHONE channel", u -> as(ANA).body(ticket("channel", "PHONE")).post(tickets),
                        "channel"),
                invalid("create: Idempotency-Key too long",
                        u -> as(ANA).header("Idempotency-Key", "k".repeat(201)).body(ticket("title", "Too long key"))
                                .post(tickets),
                        "Idempotency-Key"),
                problem("create: text/plain body", u -> bare(ANA).contentType("text/plain").accept("application/json")
                        .body("VPN is down").post(tickets), 415, "unsupported-media-type"),
                problem("create: XML body", u -> bare(ANA).contentType("application/xml").accept("application/json")
                        .body("<ticket/>").post(tickets), 415, "unsupported-media-type"),
                // --- list: query parameters
                invalid("list: status=FOO", u -> as(ANA).queryParam("status", "FOO").get(tickets), "status"),
                invalid("list: priority=urgent", u -> as(ANA).queryParam("priority", "urgent").get(tickets), "priority"),
                invalid("list: service=PLUMBING", u -> as(ANA).queryParam("service", "PLUMBING").get(tickets), "service"),
                invalid("list: slaStatus=LATE", u -> as(ANA).queryParam("slaStatus", "LATE").get(tickets), "slaStatus"),
                invalid("list: sort=SIDEWAYS", u -> as(ANA).queryParam("sort", "SIDEWAYS").get(tickets), "sort"),
                invalid("list: limit=0", u -> as(ANA).queryParam("limit", "0").get(tickets), "limit"),
                invalid("list: limit=101", u -> as(ANA).queryParam("limit", "101").get(tickets), "limit"),
                invalid("list: limit=-5", u -> as(ANA).queryParam("limit", "-5").get(tickets), "limit"),
                invalid("list: limit=abc", u -> as(ANA).queryParam("limit", "abc").get(tickets), "limit"),
                invalid("list: limit=99999999999", u -> as(ANA).queryParam("limit", "99999999999").get(tickets), "limit"),
                invalid("list: organizationId=not-a-uuid",
                        u -> as(TOM).queryParam("organizationId", "not-a-uuid").get(tickets), "organizationId"),
                invalid("list: escalated=maybe", u -> as(ANA).queryParam("escalated", "maybe").get(tickets), "escalated"),
                invalid("list: cursor not base64", u -> as(ANA).queryParam("cursor", "!!!").get(tickets), "cursor"),
                invalid("list: cursor of another shape", u -> as(ANA).queryParam("cursor", cursor("a|b")).get(tickets),
                        "cursor"),
                invalid("list: cursor not a number", u -> as(ANA).queryParam("cursor", cursor("abc")).get(tickets),
                        "cursor"),
                invalid("list: DUE cursor not a number",
                        u -> as(TOM).queryParam("sort", "DUE").queryParam("cursor", cursor("x|y")).get(tickets), "cursor"),
                // --- patch
                bad("patch: malformed JSON", u -> as(TOM).body("{\"status\": ").patch(u), "bad-request"),
                bad("patch: nothing to change", u -> as(TOM).body("{}").patch(u), "bad-request"),
                invalid("patch: unknown status", u -> as(TOM).body(Map.of("status", "DONE")).patch(u), "status"),
                invalid("patch: unknown field", u -> as(TOM).body(Map.of("title", "Renamed")).patch(u), "title"),
                invalid("patch: priority change without reason", u -> as(TOM).body(Map.of("priority", "CRITICAL")).patch(u),
                        "reason"),
                invalid("patch: priority change with a blank reason",
                        u -> as(TOM).body(Map.of("priority", "CRITICAL", "reason", "  ")).patch(u), "reason"),
                invalid("patch: exclusion without note", u -> as(TOM).body(Map.of("exclusion", "THIRD_PARTY")).patch(u),
                        "exclusionNote"),
                invalid("patch: unknown exclusion",
                        u -> as(TOM).body(Map.of("exclusion", "ACT_OF_GOD", "exclusionNote", "Storm")).patch(u),
                        "exclusion"),
                invalid("patch: unknown assignee", u -> as(SAM).body(Map.of("assigneeId", "ghost@eclipsesol.org")).patch(u),
                        "assigneeId"),
                invalid("patch: assignee of the wrong type", u -> as(SAM).body(Map.of("assigneeId", List.of(1))).patch(u),
                        "assigneeId"),
                problem("patch: text/plain body", u -> bare(TOM).contentType("text/plain").accept("application/json")
                        .body("status=RESOLVED").patch(u), 415, "unsupported-media-type"),
                problem("patch: If-Match that was never issued",
                        u -> as(TOM).header("If-Match", "\"banana\"").body(Map.of("status", "IN_PROGRESS")).patch(u), 412,
                        "precondition-failed"),
                // --- comments, events, escalations, time entries
                invalid("comment: blank body", u -> as(ANA).body(Map.of("body", " ")).post(u + "/comments"), "body"),
                invalid("comment: no body field", u -> as(ANA).body(Map.of("internal", false)).post(u + "/comments"), "body"),
                invalid("comment: internal of the wrong type",
                        u -> as(TOM).body(Map.of("body", "x", "internal", "yes please")).post(u + "/comments"), "internal"),
                bad("comment: malformed JSON", u -> as(ANA).body("{\"body\"").post(u + "/comments"), "bad-request"),
                invalid("comments: limit=abc", u -> as(ANA).queryParam("limit", "abc").get(u + "/comments"), "limit"),
                invalid("comments: limit=101", u -> as(ANA).queryParam("limit", "101").get(u + "/comments"), "limit"),
                invalid("comments: bad cursor", u -> as(ANA).queryParam("cursor", cursor("nope")).get(u + "/comments"),
                        "cursor"),
                invalid("events: limit=0", u -> as(ANA).queryParam("limit", "0").get(u + "/events"), "limit"),
                invalid("events: bad cursor", u -> as(ANA).queryParam("cursor", "%%%").get(u + "/events"), "cursor"),
                invalid("escalate: no reason", u -> as(ANA).body("{}").post(u + "/escalations"), "reason"),
                invalid("escalate: blank reason", u -> as(ANA).body(Map.of("reason", "")).post(u + "/escalations"), "reason"),
                invalid("time entry: ends before it starts",
                        u -> as(TOM).body(Map.of("startedAt", "2026-01-05T17:00:00Z", "endedAt", "2026-01-05T16:00:00Z"))
                                .post(u + "/time-entries"),
                        "endedAt"),
                invalid("time entry: missing start",
                        u -> as(TOM).body(Map.of("endedAt", "2026-01-05T16:00:00Z")).post(u + "/time-entries"), "startedAt"),
                invalid("time entry: start not a time",
                        u -> as(TOM).body(Map.of("startedAt", "noon", "endedAt", "2026-01-05T16:00:00Z"))
                                .post(u + "/time-entries"),
                        "startedAt"),
                invalid("time entry: ends in the future",
                        u -> as(TOM).body(Map.of("startedAt", TestClock.now().toString(), "endedAt",
                                TestClock.now().plus(2, ChronoUnit.HOURS).toString())).post(u + "/time-entries"),
                        "endedAt"),
                // --- attachments
                problem("attachment: larger than 10 MiB",
                        u -> upload(u, "big.png", pngOfSize(10 * 1024 * 1024 + 1), "image/png"), 413, "payload-too-large"),
                problem("attachment: an executable",
                        u -> upload(u, "setup.exe", "MZ...".getBytes(StandardCharsets.US_ASCII), "application/x-msdownload"),
                        415, "unsupported-media-type"),
                problem("attachment: HTML", u -> upload(u, "page.html", "<script>".getBytes(StandardCharsets.UTF_8),
                        "text/html"), 415, "unsupported-media-type"),
                problem("attachment: declared PNG that is not one",
                        u -> upload(u, "fake.png", "GIF89a not a png".getBytes(StandardCharsets.US_ASCII), "image/png"), 415,
                        "unsupported-media-type"),
                problem("attachment: just over 10 MiB with Content-Length",
                        u -> uploadWithLength(u, "big.png", pngOfSize(10 * 1024 * 1024 + 1), "image/png"), 413,
                        "payload-too-large"),
                invalid("attachment: empty file", u -> upload(u, "empty.txt", new byte[0], "text/plain"), "file"),
                invalid("attachment: no part named file",
                        u -> bare(ANA).accept("application/json").multiPart("document", "a.txt", "hello".getBytes(),
                                "text/plain").post(u + "/attachments"),
                        "file"),
                // --- HTTP level
                problem("an unknown path", u -> as(ANA).get("/api/v1/nothing-here"), 404, "not-found"),
                problem("a method the ticket does not have", u -> as(SAM).delete(u), 405, "method-not-allowed"),
                problem("a ticket as XML", u -> bare(ANA).accept("application/xml").get(u), 406, "not-acceptable"),
                problem("a token that is not one", u -> io.restassured.RestAssured.given().auth().oauth2("not-a-token")
                        .accept("application/json").get(u), 401, "unauthenticated"),
                problem("a ticket id that is not a UUID", u -> as(ANA).get("/api/v1/tickets/T-10001"), 404, "not-found"),
                problem("attachment: JSON instead of multipart",
                        u -> as(ANA).body(Map.of("file", "aGVsbG8=")).post(u + "/attachments"), 415,
                        "unsupported-media-type"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsAProblemAndChangesNothing(Case c) {
        String url = "/api/v1/tickets/" + ticketId;
        Map<String, Long> countsBefore = Db.counts();
        Map<String, String> ticketBefore = Db.ticketState(ticketId);

        Response response = c.request().apply(url);

        if (c.fields().length > 0) {
            Problems.assertViolations(response, c.fields());
        } else {
            Problems.assertProblem(response, c.status(), c.type());
        }
        assertThat(Db.counts()).as("row counts").isEqualTo(countsBefore);
        assertThat(Db.ticketState(ticketId)).as("the ticket").isEqualTo(ticketBefore);
    }

    /**
     * A body declared (Content-Length) beyond the HTTP limit is refused with a 413 problem before it is read. The
     * server answers and closes without reading, so the request is written by hand: headers only, then the answer.
     */
    @org.junit.jupiter.api.Test
    void anUploadDeclaredBeyondTheHttpLimitIsA413ProblemAndStoresNothing() throws Exception {
        Map<String, Long> countsBefore = Db.counts();
        Map<String, String> ticketBefore = Db.ticketState(ticketId);

        String answer = org.eclipsesol.desk.support.RawHttp.declaredBody("/api/v1/tickets/" + ticketId + "/attachments",
                ANA, "multipart/form-data; boundary=x", 12L * 1024 * 1024);

        assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json")
                .contains("payload-too-large").doesNotContain("Exception").doesNotContain("java.");
        assertThat(Db.counts()).isEqualTo(countsBefore);
        assertThat(Db.ticketState(ticketId)).isEqualTo(ticketBefore);
    }

    /**
     * A chunked body (no Content-Length) over the HTTP limit is cut off where it is read: the same 413 problem as a
     * declared one (HttpLimitProblems, ChunkedBodyLimit), and nothing is stored.
     */
    @org.junit.jupiter.api.Test
    void aChunkedUploadOverTheHttpLimitIs413AndStoresNothing() {
        String url = "/api/v1/tickets/" + ticketId;
        Map<String, Long> countsBefore = Db.counts();
        Map<String, String> ticketBefore = Db.ticketState(ticketId);

        Response response = upload(url, "huge.png", pngOfSize(12 * 1024 * 1024), "image/png");

        Problems.assertProblem(response, 413, "payload-too-large");
        assertThat(Db.counts()).isEqualTo(countsBefore);
        assertThat(Db.ticketState(ticketId)).isEqualTo(ticketBefore);
    }

    // ---- helpers

    private static Arguments bad(String name, Function<String, Response> request, String type) {
        return Arguments.of(new Case(name, request, 400, type));
    }

    private static Arguments invalid(String name, Function<String, Response> request, String... fields) {
        return Arguments.of(new Case(name, request, 400, "validation", fields));
    }

    private static Arguments problem(String name, Function<String, Response> request, int status, String type) {
        return Arguments.of(new Case(name, request, status, type));
    }

    /** A valid client ticket body with one field replaced (or added). */
    private static Map<String, Object> ticket(String field, Object value) {
        Map<String, Object> body = new HashMap<>(Fixtures.ticketBody("Bad input probe", "MEDIUM"));
        body.put(field, value);
        return body;
    }

    /** A valid staff ticket body with one field replaced. */
    private static Map<String, Object> staffTicket(String field, Object value) {
        Map<String, Object> body = ticket("channel", "PHONE");
        body.put("organizationId", acmeId);
        body.put("requesterEmail", ANA);
        body.put(field, value);
        return body;
    }

    private static String cursor(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Response upload(String url, String name, byte[] data, String type) {
        return bare(ANA).accept("application/json").multiPart("file", name, data, type).post(url + "/attachments");
    }

    /** A multipart upload sent in one piece with Content-Length (as browsers send files), not chunked. */
    private static Response uploadWithLength(String url, String name, byte[] data, String type) {
        String boundary = "----desk" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(data);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return bare(ANA).accept("application/json").contentType("multipart/form-data; boundary=" + boundary)
                .body(body.toByteArray()).post(url + "/attachments");
    }

    /** PNG magic bytes followed by zeros, {@code size} bytes in all. */
    private static byte[] pngOfSize(int size) {
        byte[] data = Arrays.copyOf(Fixtures.png(), size);
        return data;
    }
}
