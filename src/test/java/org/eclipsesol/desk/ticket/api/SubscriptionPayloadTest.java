package org.eclipsesol.desk.ticket.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.as;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.GraphQLWs;
import org.eclipsesol.desk.support.GraphQLWs.Connection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What a subscription pushes (issue 10, points 3 and 4): the ticket as read after the change committed, with its new
 * version; every nested field a query may select, under the query's visibility rules; and several subscriptions on
 * one WebSocket at once, each resolving its nested fields as its own subscriber.
 */
@QuarkusTest
class SubscriptionPayloadTest {

    /** Every nested field of a ticket that a client may select. */
    static final String DEEP = """
            subscription Deep($id: ID!) {
              ticketChanged(id: $id) {
                ticketId what version
                ticket {
                  number status version
                  comments { body internal author { email } }
                  events { type field after }
                  attachments { fileName }
                  organization { name } requester { email } assignee { email }
                  escalation { status }
                  sla { policyVersion response { status dueAt } resolution { status } timeline { consistent } }
                }
              }
            }""";

    @TestHTTPResource("/graphql")
    URI graphql;

    @Inject
    Vertx vertx;

    GraphQLWs ws;

    @BeforeEach
    void open() {
        ws = new GraphQLWs(vertx, graphql);
    }

    @AfterEach
    void close() throws InterruptedException {
        Thread.sleep(300); // what is still on its way
        List<JsonObject> failed = ws.messagesWithErrors();
        ws.close();
        assertThat(failed).as("pushed messages with errors").isEmpty();
    }

    /** Comments as staff until the subscription (which starts asynchronously) has pushed something; drains it. */
    private static void warmUp(Connection connection, String ticketId, int subscriptions) throws InterruptedException {
        for (int i = 0; i < 15; i++) {
            as(TOM).body(Map.of("body", "Warming up (" + i + ")")).post("/api/v1/tickets/" + ticketId + "/comments").then()
                    .statusCode(201);
            List<JsonObject> got = connection.drain(Duration.ofSeconds(2));
            got.forEach(m -> assertThat(GraphQLWs.errors(m)).as("no error in %s", m).isEmpty());
            if (got.stream().map(m -> m.getString("id")).distinct().count() >= subscriptions) {
                connection.drain(Duration.ofMillis(500));
                return;
            }
        }
        throw new AssertionError("the subscriptions never pushed anything");
    }

    private static JsonObject change(JsonObject message) {
        assertThat(GraphQLWs.errors(message)).as("errors in %s", message).isEmpty();
        assertThat(message.getString("type")).isEqualTo("next");
        return message.getJsonObject("payload").getJsonObject("data").getJsonObject("ticketChanged");
    }

    /** The next ticketChanged of the given kind on the connection (others skipped), or null. */
    private static JsonObject nextOfKind(Connection connection, String what, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            JsonObject m = connection.next(Duration.ofMillis(200));
            if (m != null && what.equals(change(m).getString("what"))) {
                return change(m);
            }
        }
        return null;
    }

    @Test
    void thePushedTicketIsTheCommittedOneAndCarriesItsNewVersion() throws Exception {
        String id = Fixtures.clientTicket(ANA, "Fresh after commit", "MEDIUM").getString("id");
        Connection ana = ws.connect(ANA, false);
        ana.subscribe("1", DEEP, Map.of("id", id));
        warmUp(ana, id, 1);

        int version = as(TOM).get("/api/v1/tickets/" + id).then().statusCode(200).extract().path("version");
        int patched = as(TOM).header("If-Match", "\"" + version + "\"")
                .body(Map.of("status", "IN_PROGRESS", "assigneeId", "tom@eclipsesol.org"))
                .patch("/api/v1/tickets/" + id).then().statusCode(200).extract().path("version");

        JsonObject change = nextOfKind(ana, "UPDATED", Duration.ofSeconds(10));
        assertThat(change).as("the UPDATED push").isNotNull();
        assertThat(change.getJsonObject("ticket").getString("status")).isEqualTo("IN_PROGRESS");
        assertThat(change.getJsonObject("ticket").getInteger("version")).isEqualTo(patched);
        assertThat(change.getInteger("version")).isEqualTo(patched);
        assertThat(change.getJsonObject("ticket").getJsonObject("assignee").getString("email")).isEqualTo("tom@eclipsesol.org");
    }

    @Test
    void nestedFieldsWorkOnANewTicketWithTheQueriesVisibility() throws Exception {
        String id = Fixtures.clientTicket(ANA, "Nested on a new ticket", "LOW").getString("id");
        Connection ana = ws.connect(ANA, false);
        ana.subscribe("a", DEEP, Map.of("id", id));
        Connection tom = ws.connect(TOM, true);
        tom.subscribe("t", DEEP, Map.of("id", id));
        warmUp(ana, id, 1);
        warmUp(tom, id, 1);
        ana.drain(Duration.ofMillis(500)); // what tom's warm-up pushed to ana too

        as(TOM).body(Map.of("body", "Staff eyes only", "internal", true)).post("/api/v1/tickets/" + id + "/comments").then()
                .statusCode(201);
        as(TOM).body(Map.of("body", "Seen by all")).post("/api/v1/tickets/" + id + "/comments").then().statusCode(201);

        JsonObject forStaff = nextOfKind(tom, "COMMENTED", Duration.ofSeconds(10));
        assertThat(forStaff).isNotNull();
        JsonObject forClient = nextOfKind(ana, "COMMENTED", Duration.ofSeconds(10));
        assertThat(forClient).isNotNull();
        assertThat(bodies(forStaff)).contains("Staff eyes only", "Seen by all");
        assertThat(bodies(forClient)).contains("Seen by all").doesNotContain("Staff eyes only");
        JsonObject ticket = forClient.getJsonObject("ticket");
        assertThat(ticket.getJsonArray("events")).isNotEmpty();
        assertThat(ticket.getJsonObject("organization").getString("name")).isNotBlank();
        assertThat(ticket.getJsonObject("sla").getJsonObject("response").getString("status")).isNotBlank();
        assertThat(ticket.getJsonObject("sla").getJsonObject("timeline").getBoolean("consistent")).isTrue();
    }

    @Test
    void nestedFieldsWorkOnAnExistingTicket() throws Exception {
        String id = Fixtures.clientTicket(ANA, "Nested on an old ticket", "LOW").getString("id");
        as(TOM).body(Map.of("body", "Earlier answer")).post("/api/v1/tickets/" + id + "/comments").then().statusCode(201);
        as(ANA).multiPart("file", "screen.png", Fixtures.png(), "image/png").contentType("multipart/form-data")
                .post("/api/v1/tickets/" + id + "/attachments").then().statusCode(201);
        Connection ana = ws.connect(ANA, false);
        ana.subscribe("x", DEEP, Map.of("id", id));
        warmUp(ana, id, 1);

        as(ANA).body(Map.of("reason", "Nobody is on it")).post("/api/v1/tickets/" + id + "/escalations").then()
                .statusCode(201);
        JsonObject change = nextOfKind(ana, "ESCALATED", Duration.ofSeconds(10));
        assertThat(change).isNotNull();
        assertThat(bodies(change)).contains("Earlier answer");
        assertThat(change.getJsonObject("ticket").getJsonArray("attachments").getJsonObject(0).getString("fileName"))
                .isEqualTo("screen.png");
        assertThat(change.getJsonObject("ticket").getJsonObject("escalation").getString("status")).isEqualTo("OPEN");
    }

    /**
     * Several subscriptions on one socket, two of them on the same ticket, so one change resolves nested fields for
     * both at the same moment. Repeated: a shared persistence context or a lost identity shows up only sometimes.
     */
    @RepeatedTest(10)
    void severalSubscriptionsOnOneSocketEachWork() throws Exception {
        String first = Fixtures.clientTicket(ANA, "Shared socket one", "LOW").getString("id");
        String second = Fixtures.clientTicket(ANA, "Shared socket two", "LOW").getString("id");
        Connection ana = ws.connect(ANA, false);
        ana.subscribe("s1", DEEP, Map.of("id", first));
        ana.subscribe("s2", DEEP, Map.of("id", first));
        ana.subscribe("s3", DEEP, Map.of("id", second));
        ana.subscribe("s4", "subscription { slaAlerts { ticketId kind } }", Map.of());
        // Until every ticketChanged subscription has pushed once.
        Map<String, JsonObject> latest = new HashMap<>();
        for (int i = 0; i < 15 && latest.size() < 3; i++) {
            as(TOM).body(Map.of("body", "Both at once " + i)).post("/api/v1/tickets/" + first + "/comments").then()
                    .statusCode(201);
            as(TOM).body(Map.of("body", "The other " + i)).post("/api/v1/tickets/" + second + "/comments").then()
                    .statusCode(201);
            for (JsonObject m : ana.drain(Duration.ofSeconds(1))) {
                assertThat(GraphQLWs.errors(m)).as("no error in %s", m).isEmpty();
                assertThat(m.getString("type")).as("%s", m).isEqualTo("next");
                latest.put(m.getString("id"), change(m));
            }
        }
        assertThat(latest).containsKeys("s1", "s2", "s3");
        // Now a burst: each change reaches both subscriptions of the first ticket, with nested fields.
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String body = "Burst " + i + " " + Fixtures.unique("b");
            sent.add(body);
            as(TOM).body(Map.of("body", body)).post("/api/v1/tickets/" + first + "/comments").then().statusCode(201);
        }
        Map<String, List<String>> seen = new HashMap<>();
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end && !(seen.getOrDefault("s1", List.of()).containsAll(sent)
                && seen.getOrDefault("s2", List.of()).containsAll(sent))) {
            JsonObject m = ana.next(Duration.ofMillis(200));
            if (m != null) {
                seen.put(m.getString("id"), bodies(change(m)));
            }
        }
        assertThat(seen.get("s1")).containsAll(sent);
        assertThat(seen.get("s2")).containsAll(sent);
    }

    private static List<String> bodies(JsonObject change) {
        JsonArray comments = change.getJsonObject("ticket").getJsonArray("comments");
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < comments.size(); i++) {
            bodies.add(comments.getJsonObject(i).getString("body"));
        }
        return bodies;
    }
}
