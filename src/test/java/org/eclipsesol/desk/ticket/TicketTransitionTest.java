package org.eclipsesol.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.BEN;
import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.as;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipsesol.desk.support.Db;
import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.Problems;
import org.eclipsesol.desk.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The ticket lifecycle (PRODUCT.md, "Ticket lifecycle") as a table, tried for every (from, to) pair of the six
 * statuses by the requesting client, a technician and a supervisor.
 */
@QuarkusTest
class TicketTransitionTest {

    /**
     * Who may move a ticket from the row's status to the column's: "staff" (technicians and supervisors),
     * "all" (staff, and the client who requested the ticket), "-" (the lifecycle has no such transition: 409
     * for anyone), "=" (same status: nothing to do).
     */
    static final String LIFECYCLE = """
            from/to            NEW  IN_PROGRESS  WAITING_ON_CLIENT  RESOLVED  CLOSED  CANCELLED
            NEW                =    staff        staff              staff     -       all
            IN_PROGRESS        -    =            staff              staff     -       -
            WAITING_ON_CLIENT  -    staff        =                  -         -       -
            RESOLVED           -    all          -                  =         all     -
            CLOSED             -    -            -                  -         =       -
            CANCELLED          -    -            -                  -         -       =
            """;

    enum Actor {

        CLIENT_REQUESTER(ANA),
        TECHNICIAN(TOM),
        SUPERVISOR(SAM);

        final String user;

        Actor(String user) {
            this.user = user;
        }
    }

    static Stream<Arguments> transitions() {
        List<String> lines = LIFECYCLE.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
        String[] to = lines.get(0).split("\\s+");
        List<Arguments> cases = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\\s+");
            for (int i = 1; i < cells.length; i++) {
                for (Actor actor : Actor.values()) {
                    int expected = switch (cells[i]) {
                        case "=", "all" -> 200;
                        case "staff" -> actor == Actor.CLIENT_REQUESTER ? 403 : 200;
                        case "-" -> 409;
                        default -> throw new IllegalArgumentException(cells[i]);
                    };
                    cases.add(Arguments.of(cells[0], to[i], actor, expected));
                }
            }
        }
        return cases.stream();
    }

    @BeforeEach
    void organizations() {
        Fixtures.acme();
        Fixtures.globex();
    }

    @ParameterizedTest(name = "{0} -> {1} by {2}: {3}")
    @MethodSource("transitions")
    void transition(String from, String to, Actor actor, int expected) {
        String id = Fixtures.acmeTicketIn(from, Fixtures.unique("Lifecycle " + from + " to " + to));
        Map<String, String> before = Db.ticketState(id);
        List<Map<String, Object>> eventsBefore = events(id);

        Response response = as(actor.user).body(Map.of("status", to)).patch("/api/v1/tickets/" + id);

        if (expected != 200) {
            Problems.assertProblem(response, expected, expected == 409 ? "conflict" : "forbidden");
            assertThat(Db.ticketState(id)).as("a refused transition changes nothing").isEqualTo(before);
            assertThat(events(id)).isEqualTo(eventsBefore);
            return;
        }
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.jsonPath().getString("status")).isEqualTo(to);
        assertThat(Db.ticketState(id).get("status")).isEqualTo(to);
        List<Map<String, Object>> added = events(id).subList(eventsBefore.size(), events(id).size());
        List<Map<String, Object>> statusChanges = added.stream().filter(e -> "STATUS_CHANGED".equals(e.get("type")))
                .toList();
        if (from.equals(to)) {
            assertThat(added).as("asking for the current status records nothing").isEmpty();
            assertThat(Db.ticketState(id)).as("asking for the current status changes nothing").isEqualTo(before);
            return;
        }
        assertThat(statusChanges).hasSize(1);
        Map<String, Object> event = statusChanges.get(0);
        assertThat(event.get("field")).isEqualTo("status");
        assertThat(event.get("before")).isEqualTo(from);
        assertThat(event.get("after")).isEqualTo(to);
        assertThat(((Map<?, ?>) event.get("actor")).get("id")).isEqualTo(actor.user);
        assertThat(event.get("at")).isNotNull();
    }

    @Test
    void aClientCommentOnATicketWaitingForThemMovesItBackToInProgress() {
        String id = Fixtures.acmeTicketIn("WAITING_ON_CLIENT", Fixtures.unique("Waiting for ana"));
        int eventsBefore = events(id).size();

        as(ANA).body(Map.of("body", "Here is the screenshot you asked for")).post("/api/v1/tickets/" + id + "/comments")
                .then().statusCode(201);

        assertThat(as(SAM).get("/api/v1/tickets/" + id).then().statusCode(200).extract().path("status").toString())
                .isEqualTo("IN_PROGRESS");
        List<Map<String, Object>> added = events(id).subList(eventsBefore, events(id).size());
        assertThat(added).extracting(e -> e.get("type")).containsExactly("COMMENTED", "STATUS_CHANGED");
        assertThat(added.get(1)).containsEntry("before", "WAITING_ON_CLIENT").containsEntry("after", "IN_PROGRESS");
        assertThat(((Map<?, ?>) added.get(1).get("actor")).get("id")).isEqualTo(ANA);
    }

    @Test
    void aStaffCommentOrNoteOnAWaitingTicketLeavesItWaiting() {
        String id = Fixtures.acmeTicketIn("WAITING_ON_CLIENT", Fixtures.unique("Still waiting"));

        as(TOM).body(Map.of("body", "Reminder: we need the screenshot")).post("/api/v1/tickets/" + id + "/comments").then()
                .statusCode(201);
        as(TOM).body(Map.of("body", "Chase on Monday", "internal", true)).post("/api/v1/tickets/" + id + "/comments")
                .then().statusCode(201);

        assertThat(Db.ticketState(id).get("status")).isEqualTo("WAITING_ON_CLIENT");
    }

    @Test
    void anotherClientOfTheSameOrganizationMayNeitherConfirmNorCancelButMayReopen() {
        String fresh = Fixtures.acmeTicketIn("NEW", Fixtures.unique("Ana's new ticket"));
        String resolved = Fixtures.acmeTicketIn("RESOLVED", Fixtures.unique("Ana's resolved ticket"));
        Map<String, String> freshBefore = Db.ticketState(fresh);
        Map<String, String> resolvedBefore = Db.ticketState(resolved);

        Problems.assertProblem(as(BEN).body(Map.of("status", "CANCELLED")).patch("/api/v1/tickets/" + fresh), 403,
                "forbidden");
        Problems.assertProblem(as(BEN).body(Map.of("status", "CLOSED")).patch("/api/v1/tickets/" + resolved), 403,
                "forbidden");
        assertThat(Db.ticketState(fresh)).isEqualTo(freshBefore);
        assertThat(Db.ticketState(resolved)).isEqualTo(resolvedBefore);

        as(BEN).body(Map.of("status", "IN_PROGRESS")).patch("/api/v1/tickets/" + resolved).then().statusCode(200);
        assertThat(Db.ticketState(resolved)).containsEntry("status", "IN_PROGRESS").containsEntry("resolved_at", null);
    }

    @Test
    void aFinalTicketTakesNoMoreCommentsAttachmentsOrEscalations() {
        for (String status : List.of("CLOSED", "CANCELLED")) {
            String id = Fixtures.acmeTicketIn(status, Fixtures.unique("Final " + status));
            Map<String, String> before = Db.ticketState(id);
            String url = "/api/v1/tickets/" + id;

            Problems.assertProblem(as(ANA).body(Map.of("body", "One more thing")).post(url + "/comments"), 409, "conflict");
            Problems.assertProblem(as(ANA).body(Map.of("reason", "Not happy")).post(url + "/escalations"), 409, "conflict");
            Problems.assertProblem(org.eclipsesol.desk.support.Api.bare(ANA).accept("application/json")
                    .multiPart("file", "late.png", Fixtures.png(), "image/png").post(url + "/attachments"), 409, "conflict");
            assertThat(Db.ticketState(id)).isEqualTo(before);
        }
    }

    @Test
    void aClientMayReopenOnlyWithinSevenDaysAfterWhichTheTicketClosesByItself() {
        String id = Fixtures.acmeTicketIn("RESOLVED", Fixtures.unique("Resolved long ago"));
        // Eight days since the resolution on the application's clock (the database's now() is the wall clock, days
        // away from the test clock's timeline; the clock cannot be moved from here, the row can).
        Db.update("update ticket set resolved_at = ? where id = ?",
                java.sql.Timestamp.from(TestClock.now().minus(java.time.Duration.ofDays(8))), java.util.UUID.fromString(id));

        Problems.assertProblem(as(ANA).body(Map.of("status", "IN_PROGRESS")).patch("/api/v1/tickets/" + id), 409,
                "conflict");
        // The minute job may close it at any moment, so check what matters: never reopened, nothing new by ana.
        assertThat(Db.ticketState(id).get("status")).isIn("RESOLVED", "CLOSED");
        assertThat(events(id)).noneMatch(e -> "IN_PROGRESS".equals(e.get("after")))
                .filteredOn(e -> ANA.equals(((Map<?, ?>) e.get("actor")).get("id"))).extracting(e -> e.get("type"))
                .containsExactly("CREATED");

        io.quarkus.arc.Arc.container().instance(org.eclipsesol.desk.ticket.app.TicketLifecycle.class).get()
                .closeExpiredResolutions();

        assertThat(Db.ticketState(id).get("status")).isEqualTo("CLOSED");
        Map<String, Object> closing = events(id).stream().filter(e -> "CLOSED".equals(e.get("after"))).findFirst()
                .orElseThrow();
        assertThat(closing).containsEntry("type", "STATUS_CHANGED").containsEntry("before", "RESOLVED");
        assertThat(((Map<?, ?>) closing.get("actor")).get("name")).isEqualTo("Support Desk");
    }

    private static List<Map<String, Object>> events(String id) {
        return as(SAM).queryParam("limit", 100).get("/api/v1/tickets/" + id + "/events").then().statusCode(200).extract()
                .jsonPath().getList("items");
    }
}
