package org.eclipsesol.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Persona.CLIENT_OTHER_ORG;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.eclipsesol.desk.support.Api;
import org.eclipsesol.desk.support.Db;
import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.Matrix;
import org.eclipsesol.desk.support.Persona;
import org.eclipsesol.desk.support.Problems;
import org.eclipsesol.desk.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Every ticket endpoint against every kind of caller, on an Acme Dental ticket opened by ana. Each case gets a
 * fresh ticket carrying a public comment, an internal note, a time entry and an attachment. A refused call
 * must answer the exact status as problem+json and leave the ticket (row, comments, events, attachments,
 * time entries, escalations) and every table's row count exactly as they were.
 */
@QuarkusTest
class TicketAuthorizationTest {

    /** What a case works on. */
    record Ctx(String ticketId, String title, String attachmentId, String internalSecret, String acmeId, String globexId) {

        String url() {
            return "/api/v1/tickets/" + ticketId;
        }
    }

    /** One endpoint (or one kind of request to it) of the matrix. */
    enum Endpoint {

        CREATE_TICKET,
        CREATE_FOR_ANOTHER_ORG,
        LIST_TICKETS,
        GET_TICKET,
        PATCH_CANCEL,
        PATCH_PRIORITY,
        LIST_COMMENTS,
        POST_COMMENT,
        POST_INTERNAL_NOTE,
        LIST_EVENTS,
        LIST_ATTACHMENTS,
        UPLOAD_ATTACHMENT,
        DOWNLOAD_ATTACHMENT,
        LIST_TIME_ENTRIES,
        LOG_TIME,
        LIST_ESCALATIONS,
        ESCALATE;

        Response call(Persona p, Ctx c) {
            return switch (this) {
                case CREATE_TICKET -> p.json().body(createBody(p, c)).post("/api/v1/tickets");
                case CREATE_FOR_ANOTHER_ORG -> {
                    Map<String, Object> body = Fixtures.ticketBody(c.title() + " for globex", "MEDIUM");
                    body.put("organizationId", c.globexId());
                    body.put("requesterEmail", Api.CARLA);
                    yield p.json().body(body).post("/api/v1/tickets");
                }
                case LIST_TICKETS -> p.json().queryParam("q", c.title()).get("/api/v1/tickets");
                case GET_TICKET -> p.json().get(c.url());
                case PATCH_CANCEL -> p.json().body(Map.of("status", "CANCELLED")).patch(c.url());
                case PATCH_PRIORITY -> p.json().body(Map.of("priority", "HIGH", "reason", "Whole office is down"))
                        .patch(c.url());
                case LIST_COMMENTS -> p.json().get(c.url() + "/comments");
                case POST_COMMENT -> p.json().body(Map.of("body", "Any news?")).post(c.url() + "/comments");
                case POST_INTERNAL_NOTE -> p.json().body(Map.of("body", "Note to self", "internal", true))
                        .post(c.url() + "/comments");
                case LIST_EVENTS -> p.json().get(c.url() + "/events");
                case LIST_ATTACHMENTS -> p.json().get(c.url() + "/attachments");
                case UPLOAD_ATTACHMENT -> p.bare().accept("application/json")
                        .multiPart("file", "screen.png", Fixtures.png(), "image/png").post(c.url() + "/attachments");
                case DOWNLOAD_ATTACHMENT -> p.anyAccept().get(c.url() + "/attachments/" + c.attachmentId());
                case LIST_TIME_ENTRIES -> p.json().get(c.url() + "/time-entries");
                case LOG_TIME -> p.json().body(timeEntry()).post(c.url() + "/time-entries");
                case LIST_ESCALATIONS -> p.json().get(c.url() + "/escalations");
                case ESCALATE -> p.json().body(Map.of("reason", "Nobody answers")).post(c.url() + "/escalations");
            };
        }
    }

    /** Expected status per endpoint (row) and caller (column). */
    static final String MATRIX = """
            endpoint                 CLIENT_OWN_ORG CLIENT_OTHER_ORG CLIENT_NO_ORG TECHNICIAN SUPERVISOR NO_ROLE ANONYMOUS
            CREATE_TICKET            201            201              403           201        201        403     401
            CREATE_FOR_ANOTHER_ORG   403            403              403           201        201        403     401
            LIST_TICKETS             200            200              403           200        200        403     401
            GET_TICKET               200            404              403           200        200        403     401
            PATCH_CANCEL             200            404              403           200        200        403     401
            PATCH_PRIORITY           403            404              403           200        200        403     401
            LIST_COMMENTS            200            404              403           200        200        403     401
            POST_COMMENT             201            404              403           201        201        403     401
            POST_INTERNAL_NOTE       403            403              403           201        201        403     401
            LIST_EVENTS              200            404              403           200        200        403     401
            LIST_ATTACHMENTS         200            404              403           200        200        403     401
            UPLOAD_ATTACHMENT        201            404              403           201        201        403     401
            DOWNLOAD_ATTACHMENT      200            404              403           200        200        403     401
            LIST_TIME_ENTRIES        403            403              403           200        200        403     401
            LOG_TIME                 403            403              403           201        201        403     401
            LIST_ESCALATIONS         200            404              403           200        200        403     401
            ESCALATE                 201            404              403           201        201        403     401
            """;

    static Stream<Arguments> matrix() {
        return Matrix.parse(MATRIX, Endpoint::valueOf);
    }

    @BeforeEach
    void organizations() {
        Fixtures.matrixOrganizations();
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("matrix")
    void endpointAnswersEachCallerAsSpecified(Endpoint endpoint, Persona persona, int expected) {
        Ctx ctx = freshTicket();
        Map<String, String> ticketBefore = Db.ticketState(ctx.ticketId());
        Map<String, Long> countsBefore = Db.counts();

        Response response = endpoint.call(persona, ctx);

        if (expected >= 400) {
            Problems.assertProblem(response, expected);
            assertThat(Db.ticketState(ctx.ticketId())).as("ticket after a refused call").isEqualTo(ticketBefore);
            assertThat(Db.counts()).as("row counts after a refused call").isEqualTo(countsBefore);
            return;
        }
        assertThat(response.statusCode()).as("status of %s", response.asString()).isEqualTo(expected);
        Map<String, String> ticketAfter = Db.ticketState(ctx.ticketId());
        Map<String, Long> countsAfter = Db.counts();
        switch (endpoint) {
            case CREATE_TICKET -> {
                assertThat(countsAfter.get("ticket")).isEqualTo(countsBefore.get("ticket") + 1);
                String expectedOrg = persona == CLIENT_OTHER_ORG ? ctx.globexId() : ctx.acmeId();
                assertThat(response.jsonPath().getString("organization.id")).isEqualTo(expectedOrg);
                assertThat(response.header("Location")).endsWith("/api/v1/tickets/" + response.jsonPath().getString("id"));
            }
            case CREATE_FOR_ANOTHER_ORG -> {
                assertThat(countsAfter.get("ticket")).isEqualTo(countsBefore.get("ticket") + 1);
                assertThat(response.jsonPath().getString("organization.id")).isEqualTo(ctx.globexId());
                assertThat(response.jsonPath().getString("requester.email")).isEqualTo(Api.CARLA);
            }
            case LIST_TICKETS -> {
                List<String> ids = response.jsonPath().getList("items.id");
                if (persona == CLIENT_OTHER_ORG) {
                    assertThat(ids).as("another organization's ticket is not listed").isEmpty();
                } else {
                    assertThat(ids).containsExactly(ctx.ticketId());
                }
            }
            case GET_TICKET -> {
                assertThat(response.jsonPath().getString("id")).isEqualTo(ctx.ticketId());
                assertThat(response.header("ETag")).isEqualTo("\"" + ticketBefore.get("version") + "\"");
            }
            case PATCH_CANCEL -> assertThat(ticketAfter.get("status")).isEqualTo("CANCELLED");
            case PATCH_PRIORITY -> assertThat(ticketAfter.get("priority")).isEqualTo("HIGH");
            case LIST_COMMENTS -> {
                JsonPath json = response.jsonPath();
                if (persona.isStaff()) {
                    assertThat(json.getList("items.internal", Boolean.class)).containsExactlyInAnyOrder(false, true);
                } else {
                    assertThat(json.getList("items.internal", Boolean.class)).containsExactly(false);
                    assertThat(response.asString()).doesNotContain(ctx.internalSecret());
                }
            }
            case POST_COMMENT, POST_INTERNAL_NOTE -> assertThat(ticketAfter.get("comments"))
                    .isEqualTo(Long.toString(Long.parseLong(ticketBefore.get("comments")) + 1));
            case LIST_EVENTS -> {
                List<String> types = response.jsonPath().getList("items.type");
                assertThat(types).contains("CREATED", "COMMENTED", "ATTACHMENT_ADDED");
                if (persona.isStaff()) {
                    assertThat(types).contains("INTERNAL_NOTE_ADDED", "TIME_LOGGED");
                } else {
                    assertThat(types).doesNotContain("INTERNAL_NOTE_ADDED", "TIME_LOGGED");
                    assertThat(response.asString()).doesNotContain(ctx.internalSecret());
                }
            }
            case LIST_ATTACHMENTS -> assertThat(response.jsonPath().getList("id")).containsExactly(ctx.attachmentId());
            case UPLOAD_ATTACHMENT -> assertThat(ticketAfter.get("attachments")).isEqualTo("2");
            case DOWNLOAD_ATTACHMENT -> assertThat(response.asByteArray()).isEqualTo(Fixtures.png());
            case LIST_TIME_ENTRIES -> assertThat(response.jsonPath().getList("$")).hasSize(1);
            case LOG_TIME -> assertThat(ticketAfter.get("timeEntries")).isEqualTo("2");
            case LIST_ESCALATIONS -> assertThat(response.jsonPath().getList("$")).isEmpty();
            case ESCALATE -> assertThat(ticketAfter.get("escalations")).isEqualTo("OPEN");
        }
        if (endpoint.name().startsWith("LIST_") || endpoint.name().startsWith("GET_")
                || endpoint == Endpoint.DOWNLOAD_ATTACHMENT) {
            assertThat(ticketAfter).as("a read changes nothing").isEqualTo(ticketBefore);
            assertThat(countsAfter).as("a read changes nothing").isEqualTo(countsBefore);
        }
    }

    /**
     * A client of another organization cannot tell an existing ticket from a missing one: every endpoint
     * answers the same status and problem for both.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Endpoint.class, names = { "CREATE_TICKET", "CREATE_FOR_ANOTHER_ORG",
            "LIST_TICKETS" }, mode = EnumSource.Mode.EXCLUDE)
    void anotherOrganizationsTicketLooksExactlyLikeAMissingOne(Endpoint endpoint) {
        Ctx ctx = freshTicket();
        String missing = UUID.randomUUID().toString();
        Ctx missingCtx = new Ctx(missing, ctx.title(), ctx.attachmentId(), ctx.internalSecret(), ctx.acmeId(),
                ctx.globexId());
        Map<String, String> before = Db.ticketState(ctx.ticketId());

        Response existing = endpoint.call(CLIENT_OTHER_ORG, ctx);
        Response absent = endpoint.call(CLIENT_OTHER_ORG, missingCtx);

        JsonPath a = Problems.assertProblem(existing, absent.statusCode());
        JsonPath b = Problems.assertProblem(absent, existing.statusCode());
        assertThat(a.getString("type")).isEqualTo(b.getString("type"));
        assertThat(a.getString("title")).isEqualTo(b.getString("title"));
        assertThat(a.getString("detail").replace(ctx.ticketId(), "ID")).isEqualTo(b.getString("detail").replace(missing, "ID"));
        assertThat(existing.statusCode()).isIn(403, 404);
        assertThat(Db.ticketState(ctx.ticketId())).isEqualTo(before);
    }

    /** A fresh Acme ticket by ana with a public comment, an internal note, a time entry and a PNG attachment. */
    static Ctx freshTicket() {
        String title = Fixtures.unique("Authz matrix");
        String id = Fixtures.clientTicket(Api.ANA, title, "MEDIUM").getString("id");
        String url = "/api/v1/tickets/" + id;
        String secret = "internal-secret-" + UUID.randomUUID();
        Api.as(Api.TOM).body(Map.of("body", "We are looking into it")).post(url + "/comments").then().statusCode(201);
        Api.as(Api.TOM).body(Map.of("body", secret, "internal", true)).post(url + "/comments").then().statusCode(201);
        Api.as(Api.TOM).body(timeEntry()).post(url + "/time-entries").then().statusCode(201);
        String attachmentId = Api.bare(Api.ANA).multiPart("file", "screen.png", Fixtures.png(), "image/png")
                .post(url + "/attachments").then().statusCode(201).extract().path("id");
        return new Ctx(id, title, attachmentId, secret, Fixtures.acme(), Fixtures.globex());
    }

    static Map<String, Object> timeEntry() {
        Instant end = TestClock.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);
        return Map.of("startedAt", end.minus(30, ChronoUnit.MINUTES).toString(), "endedAt", end.toString(), "note",
                "Remote session");
    }

    private static Map<String, Object> createBody(Persona persona, Ctx ctx) {
        Map<String, Object> body = new HashMap<>(Fixtures.ticketBody(ctx.title() + " new", "LOW"));
        if (persona.isStaff()) {
            body.put("organizationId", ctx.acmeId());
            body.put("requesterEmail", Api.BEN);
        }
        return body;
    }
}
