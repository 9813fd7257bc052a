package org.eclipsesol.desk.ticket.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.CARLA;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.as;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.GraphQLWs;
import org.eclipsesol.desk.support.GraphQLWs.Connection;
import org.eclipsesol.desk.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Subscriptions over WebSocket (graphql-transport-ws), with real tokens, receiving events caused by REST calls.
 */
@QuarkusTest
class TicketSubscriptionGraphQLTest {

    private static final String TICKET_CHANGED = """
            subscription Changes($id: ID!) {
              ticketChanged(id: $id) { ticketId what ticket { number status } }
            }""";

    @TestHTTPResource("/graphql")
    URI graphql;

    @Inject
    Vertx vertx;

    /** The test's WebSocket clients, closed after each test. */
    private GraphQLWs sockets;

    @BeforeEach
    void open() {
        sockets = new GraphQLWs(vertx, graphql);
    }

    @AfterEach
    void close() {
        sockets.close();
    }

    /** A graphql-transport-ws connection; the token goes in the upgrade header or in connection_init. */
    private Connection connect(String user, boolean tokenInInitPayload) throws Exception {
        return sockets.connect(user, tokenInInitPayload);
    }

    /** The code of the first error, whether it came as an "error" message or as errors of a "next". */
    private static String errorCode(JsonObject message) {
        JsonArray errors = message.getString("type").equals("error")
                ? message.getJsonArray("payload")
                : message.getJsonObject("payload").getJsonArray("errors");
        return errors.getJsonObject(0).getJsonObject("extensions").getString("code");
    }

    /** Makes REST changes until the subscription (which starts asynchronously) reports one. */
    private static JsonObject commentUntilPushed(Connection connection, String ticketId) throws InterruptedException {
        for (int i = 0; i < 15; i++) {
            as(TOM).body(Map.of("body", "We are on it (" + i + ")")).post("/api/v1/tickets/" + ticketId + "/comments").then()
                    .statusCode(201);
            JsonObject message = connection.next(Duration.ofSeconds(2));
            if (message != null) {
                return message;
            }
        }
        return null;
    }

    @Test
    void clientReceivesChangesToTheirTicketMadeThroughRest() throws Exception {
        String id = Fixtures.clientTicket(ANA, "Subscribed printer", "MEDIUM").getString("id");
        Connection connection = connect(ANA, false);
        connection.subscribe("1", TICKET_CHANGED, Map.of("id", id));

        JsonObject message = commentUntilPushed(connection, id);

        assertThat(message).as("a pushed event").isNotNull();
        assertThat(message.getString("type")).isEqualTo("next");
        assertThat(message.getString("id")).isEqualTo("1");
        JsonObject change = message.getJsonObject("payload").getJsonObject("data").getJsonObject("ticketChanged");
        assertThat(change.getString("ticketId")).isEqualTo(id);
        assertThat(change.getString("what")).isEqualTo("COMMENTED");
        assertThat(change.getJsonObject("ticket").getString("status")).isEqualTo("NEW");
    }

    @Test
    void theTokenMayComeInTheConnectionInitPayload() throws Exception {
        String id = Fixtures.clientTicket(ANA, "Subscribed by init payload", "LOW").getString("id");
        Connection connection = connect(ANA, true);
        connection.subscribe("7", TICKET_CHANGED, Map.of("id", id));

        JsonObject message = commentUntilPushed(connection, id);

        assertThat(message).as("a pushed event").isNotNull();
        assertThat(message.getString("type")).isEqualTo("next");
        assertThat(message.getJsonObject("payload").getJsonObject("data").getJsonObject("ticketChanged")
                .getString("ticketId")).isEqualTo(id);
    }

    @Test
    void anotherOrganizationsTicketCannotBeSubscribedTo() throws Exception {
        String id = Fixtures.clientTicket(ANA, "Not for Globex", "LOW").getString("id");
        Connection connection = connect(CARLA, false);
        connection.subscribe("2", TICKET_CHANGED, Map.of("id", id));

        JsonObject message = connection.next(Duration.ofSeconds(10));

        assertThat(message).isNotNull();
        assertThat(errorCode(message)).isEqualTo("NOT_FOUND");
        // And nothing about the ticket leaks afterwards.
        as(TOM).body(Map.of("body", "Internal progress")).post("/api/v1/tickets/" + id + "/comments").then().statusCode(201);
        JsonObject later = connection.next(Duration.ofSeconds(2));
        if (later != null) {
            assertThat(later.getString("type")).isIn("complete", "error");
        }
    }

    @Test
    void slaAlertsReachStaffAndTheOrganizationsClientsOnly() throws Exception {
        String acme = Fixtures.acme();
        Connection ana = connect(ANA, false);
        ana.subscribe("4", "subscription { slaAlerts { ticketId ticketNumber target kind } }", Map.of());
        Connection carla = connect(CARLA, true);
        carla.subscribe("5", "subscription { slaAlerts { ticketId kind } }", Map.of());
        // A CRITICAL call logged 50 minutes late is past 75% of its 1-hour response target: AT_RISK at once.
        // The subscription starts asynchronously, so open such tickets until one of their alerts arrives.
        List<String> opened = new ArrayList<>();
        JsonObject alert = null;
        for (int i = 0; i < 10 && alert == null; i++) {
            opened.add(Fixtures.staffTicket(TOM, acme, ANA, "Server room flooded " + i, "CRITICAL",
                    TestClock.now().minus(Duration.ofMinutes(50))).getString("id"));
            for (JsonObject m = ana.next(Duration.ofSeconds(2)); m != null
                    && alert == null; m = ana.next(Duration.ofMillis(200))) {
                if (!"next".equals(m.getString("type"))) {
                    continue;
                }
                JsonObject candidate = m.getJsonObject("payload").getJsonObject("data").getJsonObject("slaAlerts");
                // Other Acme tickets may alert meanwhile (the monitor runs); look for ours.
                if (opened.contains(candidate.getString("ticketId"))) {
                    alert = candidate;
                }
            }
        }
        assertThat(alert).as("an SLA alert for a ticket this test opened").isNotNull();
        assertThat(alert.getString("kind")).isEqualTo("AT_RISK");
        assertThat(alert.getString("target")).isEqualTo("RESPONSE");
        assertThat(alert.getString("ticketNumber")).startsWith("T-");
        assertThat(carla.next(Duration.ofSeconds(1))).as("nothing about Acme's tickets for Globex").isNull();
    }

    /**
     * Another replica's monitor found the alert: it arrives only as a NOTIFY on the shared channel (sent here
     * straight through SQL), and still reaches this replica's subscriber.
     */
    @Test
    void anAlertRaisedOnAnotherReplicaReachesSubscribersHere() throws Exception {
        String acme = Fixtures.acme();
        String ticketId = Fixtures.clientTicket(ANA, "Alert from elsewhere " + java.util.UUID.randomUUID(), "LOW")
                .getString("id");
        String channel = "desk_events_" + org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("desk.db.schema", String.class);
        Connection ana = connect(ANA, false);
        ana.subscribe("7", "subscription { slaAlerts { ticketId kind target } }", Map.of());
        String payload = new JsonObject().put("type", "alert").put("body", new JsonObject()
                .put("ticketId", ticketId).put("ticketNumber", "T-1").put("organizationId", acme)
                .put("target", "RESOLUTION").put("kind", "BREACHED")
                .put("firedAt", TestClock.now().toString()).put("dueAt", TestClock.now().toString()))
                .encode();
        JsonObject message = null;
        // The subscription starts asynchronously: repeat the notification until it is heard.
        for (int i = 0; i < 10 && message == null; i++) {
            org.eclipsesol.desk.support.Db.rows("select cast(pg_notify(?, ?) as text) as sent", channel, payload);
            message = ana.next(Duration.ofSeconds(1));
        }
        assertThat(message).as("the alert from another replica").isNotNull();
        JsonObject alert = message.getJsonObject("payload").getJsonObject("data").getJsonObject("slaAlerts");
        assertThat(alert.getString("ticketId")).isEqualTo(ticketId);
        assertThat(alert.getString("kind")).isEqualTo("BREACHED");
    }

    /**
     * kinds and kind are the SlaAlertKind enum: the argument takes enum literals, and only the moments asked for are
     * pushed (an AT_RISK notification, sent first every time, never arrives).
     */
    @Test
    void slaAlertsPushOnlyTheKindsAskedFor() throws Exception {
        String acme = Fixtures.acme();
        String ticketId = Fixtures.clientTicket(ANA, "Alert kinds " + java.util.UUID.randomUUID(), "LOW").getString("id");
        String channel = "desk_events_" + org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("desk.db.schema", String.class);
        Connection ana = connect(ANA, false);
        ana.subscribe("8", "subscription { slaAlerts(kinds: [BREACHED]) { ticketId kind target } }", Map.of());
        JsonObject alert = null;
        for (int i = 0; i < 10 && alert == null; i++) {
            for (String kind : List.of("AT_RISK", "BREACHED")) {
                String payload = new JsonObject().put("type", "alert").put("body", new JsonObject()
                        .put("ticketId", ticketId).put("ticketNumber", "T-1").put("organizationId", acme)
                        .put("target", "RESOLUTION").put("kind", kind)
                        .put("firedAt", TestClock.now().toString()).put("dueAt", TestClock.now().toString()))
                        .encode();
                org.eclipsesol.desk.support.Db.rows("select cast(pg_notify(?, ?) as text) as sent", channel, payload);
            }
            for (JsonObject m = ana.next(Duration.ofSeconds(1)); m != null; m = ana.next(Duration.ofMillis(300))) {
                assertThat(m.getString("type")).as("no error: " + m).isNotEqualTo("error");
                if (!"next".equals(m.getString("type"))) {
                    continue;
                }
                JsonObject candidate = m.getJsonObject("payload").getJsonObject("data").getJsonObject("slaAlerts");
                assertThat(candidate.getString("kind")).as("only the kinds asked for").isEqualTo("BREACHED");
                if (ticketId.equals(candidate.getString("ticketId"))) {
                    alert = candidate;
                }
            }
        }
        assertThat(alert).as("the BREACHED alert").isNotNull();
        assertThat(alert.getString("target")).isEqualTo("RESOLUTION");
    }

    @Test
    void anonymousSubscriptionIsRefused() throws Exception {
        String id = Fixtures.clientTicket(ANA, "Anonymous watcher", "LOW").getString("id");
        Connection connection = connect(null, false);
        connection.subscribe("3", TICKET_CHANGED, Map.of("id", id));

        JsonObject message = connection.next(Duration.ofSeconds(10));

        assertThat(message).isNotNull();
        assertThat(errorCode(message)).isEqualTo("UNAUTHENTICATED");
    }

    /** The "what" of the next pushed ticketChanged, or null if none came within the timeout. */
    private static String nextWhat(Connection connection, Duration timeout) throws InterruptedException {
        JsonObject message = connection.next(timeout);
        if (message == null) {
            return null;
        }
        assertThat(message.getString("type")).isEqualTo("next");
        return message.getJsonObject("payload").getJsonObject("data").getJsonObject("ticketChanged").getString("what");
    }

    @Test
    void anInternalNoteIsPushedToStaffButNotToClients() throws Exception {
        String id = Fixtures.clientTicket(ANA, "Noted quietly " + java.util.UUID.randomUUID(), "LOW").getString("id");
        Connection ana = connect(ANA, false);
        ana.subscribe("n1", TICKET_CHANGED, Map.of("id", id));
        Connection tom = connect(TOM, false);
        tom.subscribe("n2", TICKET_CHANGED, Map.of("id", id));
        // Both subscriptions start asynchronously: a public comment that both receive proves they are live.
        assertThat(commentUntilPushed(ana, id)).isNotNull();
        while (nextWhat(tom, Duration.ofSeconds(2)) != null) {
            // drain what the warm-up pushed to staff
        }
        while (ana.next(Duration.ofMillis(500)) != null) {
            // and to the client
        }

        as(TOM).body(Map.of("body", "Do not tell the client yet", "internal", true))
                .post("/api/v1/tickets/" + id + "/comments").then().statusCode(201);
        assertThat(nextWhat(tom, Duration.ofSeconds(10))).isEqualTo("INTERNAL_NOTE_ADDED");
        as(TOM).body(Map.of("body", "Public again")).post("/api/v1/tickets/" + id + "/comments").then().statusCode(201);
        // The client's next event is the public comment: the note was never pushed to them.
        assertThat(nextWhat(ana, Duration.ofSeconds(10))).isEqualTo("COMMENTED");
    }

    /** A connection as a caller with the given token, the token in the upgrade request. */
    private Connection connectWithToken(String token) throws Exception {
        return sockets.connectWithToken(token);
    }

    /** The first error pushed on the connection within the timeout, as {id, code}; null if none. */
    private static String[] firstError(Connection connection, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            JsonObject m = connection.next(Duration.ofMillis(200));
            if (m != null && ("error".equals(m.getString("type"))
                    || ("next".equals(m.getString("type")) && m.getJsonObject("payload").containsKey("errors")))) {
                return new String[] { m.getString("id"), errorCode(m) };
            }
        }
        return null;
    }

    @Test
    void subscriptionsAreCappedPerConnectionAndPerCaller() throws Exception {
        String id = Fixtures.clientTicket(ANA, "Watched a lot " + java.util.UUID.randomUUID(), "LOW").getString("id");
        String token = org.eclipsesol.desk.support.Tokens.subject("watcher-" + java.util.UUID.randomUUID())
                .email("watcher@acme.example", true).realmRoles(List.of("client")).sign();
        Connection first = connectWithToken(token);
        for (int i = 1; i <= 10; i++) {
            first.subscribe("c" + i, TICKET_CHANGED, Map.of("id", id));
        }
        assertThat(firstError(first, Duration.ofSeconds(3))).as("ten on one connection are fine").isNull();
        first.subscribe("c11", TICKET_CHANGED, Map.of("id", id));
        assertThat(firstError(first, Duration.ofSeconds(10))).containsExactly("c11", "RATE_LIMITED");

        // Completing one frees its slot.
        first.send(new JsonObject().put("id", "c1").put("type", "complete"));
        Thread.sleep(500);
        first.subscribe("c12", TICKET_CHANGED, Map.of("id", id));
        assertThat(firstError(first, Duration.ofSeconds(3))).isNull();

        // The same caller on other connections: 25 in all.
        Connection second = connectWithToken(token);
        for (int i = 1; i <= 10; i++) {
            second.subscribe("d" + i, TICKET_CHANGED, Map.of("id", id));
        }
        Connection third = connectWithToken(token);
        for (int i = 1; i <= 5; i++) {
            third.subscribe("e" + i, TICKET_CHANGED, Map.of("id", id));
        }
        assertThat(firstError(second, Duration.ofSeconds(3))).isNull();
        assertThat(firstError(third, Duration.ofSeconds(1))).isNull();
        third.subscribe("e6", TICKET_CHANGED, Map.of("id", id));
        assertThat(firstError(third, Duration.ofSeconds(10))).containsExactly("e6", "RATE_LIMITED");
    }
}
