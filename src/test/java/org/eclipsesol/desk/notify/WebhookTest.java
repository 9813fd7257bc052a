package org.eclipsesol.desk.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.CARLA;
import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipsesol.desk.notify.app.WebhookDelivery;
import org.eclipsesol.desk.support.Db;
import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.Outboxes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.json.JsonObject;

/**
 * Webhooks against a real HTTP receiver (issue 11, points 6-7): registration, Standard Webhooks signatures checked
 * by an independent HMAC, no internal notes, organization filter, retries with the same id (the receiver
 * de-duplicates), disabling after repeated failures, deliveries, redelivery, secret rotation, private targets.
 */
@QuarkusTest
class WebhookTest {

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<String> hooks = new ArrayList<>();

    record Received(String id, String timestamp, String signature, String body) {
    }

    /** A receiver answering the status {@code status.applyAsInt(n)} to its n-th request (0-based). */
    private String receiver(List<Received> received, IntUnaryOperator status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger count = new AtomicInteger();
        server.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"), body));
            }
            int code = status.applyAsInt(count.getAndIncrement());
            if (code == 302) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/elsewhere");
            }
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private JsonPath register(String url, List<String> events, String organizationId) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("events", events);
        if (organizationId != null) {
            body.put("organizationId", organizationId);
        }
        JsonPath hook = as(SAM).body(body).post("/api/v1/webhooks").then().statusCode(201)
                .body("secret", startsWith("whsec_")).extract().jsonPath();
        hooks.add(hook.getString("id"));
        return hook;
    }

    @AfterEach
    void cleanUp() {
        for (String id : hooks) {
            as(SAM).delete("/api/v1/webhooks/" + id);
        }
        servers.forEach(s -> s.stop(0));
    }

    /** The receiver's own check: HMAC-SHA256 with the secret's bytes over "id.timestamp.body". */
    private static boolean verified(String secret, Received r) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1," + Base64.getEncoder()
                    .encodeToString(
                            mac.doFinal((r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
            return expected.equals(r.signature());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void eventsAreSignedFilteredByOrganizationAndNeverCarryInternalNotes() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        String url = receiver(received, n -> 204);
        JsonPath hook = register(url, List.of("ticket.created", "ticket.commented", "ticket.status_changed"), Fixtures.acme());
        String secret = hook.getString("secret");
        as(SAM).get("/api/v1/webhooks/" + hook.getString("id")).then().statusCode(200).body("secret", nullValue())
                .body("url", equalTo(url)).body("enabled", equalTo(true));
        as(TOM).get("/api/v1/webhooks").then().statusCode(403);
        as(SAM).body(Map.of("url", url, "events", List.of("ticket.exploded"))).post("/api/v1/webhooks").then().statusCode(400);

        JsonPath ticket = Fixtures.clientTicket(ANA, Fixtures.unique("Hooked"), "LOW");
        String id = ticket.getString("id");
        as(TOM).body(Map.of("body", "SECRET-NOTE internal only", "internal", true)).post("/api/v1/tickets/" + id + "/comments")
                .then().statusCode(201);
        as(TOM).body(Map.of("body", "Public answer")).post("/api/v1/tickets/" + id + "/comments").then().statusCode(201);
        as(TOM).body(Map.of("status", "IN_PROGRESS")).patch("/api/v1/tickets/" + id).then().statusCode(200);
        JsonPath other = Fixtures.clientTicket(CARLA, Fixtures.unique("Other org"), "LOW");
        Outboxes.drain(id);
        Outboxes.drain(other.getString("id"));

        assertThat(received).hasSize(3).allMatch(r -> verified(secret, r));
        assertThat(received).noneMatch(r -> r.body().contains("SECRET-NOTE"));
        List<String> types = new ArrayList<>();
        for (Received r : received) {
            JsonObject body = new JsonObject(r.body());
            assertThat(body.getString("id")).isEqualTo(r.id());
            assertThat(body.getString("occurredAt")).isNotBlank();
            assertThat(body.getJsonObject("data").getJsonObject("ticket").getString("number"))
                    .isEqualTo(ticket.getString("number"));
            types.add(body.getString("type"));
        }
        assertThat(types).containsExactly("ticket.created", "ticket.commented", "ticket.status_changed");
        assertThat(new JsonObject(received.get(1).body()).getJsonObject("data").getJsonObject("comment").getString("body"))
                .isEqualTo("Public answer");
        // A tampered body fails the receiver's check.
        Received r = received.get(0);
        assertThat(verified(secret, new Received(r.id(), r.timestamp(), r.signature(), r.body() + " "))).isFalse();
        as(SAM).get("/api/v1/webhooks/" + hook.getString("id") + "/deliveries").then().statusCode(200)
                .body("items.size()", equalTo(3)).body("items[0].status", equalTo("SENT"));
    }

    @Test
    void aReceiverThatFailsThenSucceedsGetsTheEventOnceByIdAndRedirectsAreNotFollowed() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        // 500, a redirect, 503, then success.
        String url = receiver(received, n -> n == 0 ? 500 : n == 1 ? 302 : n == 2 ? 503 : 200);
        JsonPath hook = register(url, List.of("ticket.created"), null);
        JsonPath ticket = Fixtures.clientTicket(ANA, Fixtures.unique("Flaky receiver"), "LOW");
        Outboxes.drain(ticket.getString("id"));
        assertThat(received).hasSize(4).allMatch(r -> verified(hook.getString("secret"), r));
        Set<String> ids = new LinkedHashSet<>();
        received.forEach(r -> ids.add(r.id()));
        assertThat(ids).hasSize(1);
        assertThat(received.stream().map(Received::body).distinct()).hasSize(1);
        JsonPath delivery = as(SAM).get("/api/v1/webhooks/" + hook.getString("id") + "/deliveries").jsonPath();
        assertThat(delivery.getString("items[0].status")).isEqualTo("SENT");
        assertThat(delivery.getInt("items[0].attempts")).isEqualTo(4);
        assertThat(delivery.getString("items[0].eventId")).isEqualTo(ids.iterator().next());

        // Rotation: a new secret, the old one no longer signs; a redelivery keeps the event id and body.
        String rotated = as(SAM).post("/api/v1/webhooks/" + hook.getString("id") + "/rotate-secret").then().statusCode(200)
                .extract().jsonPath().getString("secret");
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(hook.getString("secret"));
        as(SAM).post("/api/v1/webhooks/" + hook.getString("id") + "/deliveries/" + delivery.getString("items[0].id")
                + "/redeliver").then().statusCode(202);
        Outboxes.drain(ticket.getString("id"));
        assertThat(received).hasSize(5);
        Received again = received.get(4);
        assertThat(again.id()).isEqualTo(received.get(3).id());
        assertThat(again.body()).isEqualTo(received.get(3).body());
        assertThat(verified(rotated, again)).isTrue();
        assertThat(verified(hook.getString("secret"), again)).isFalse();
    }

    @Test
    void anEndpointFailingTooOftenIsDisabledAndSupervisorsAreTold() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        String url = receiver(received, n -> 500);
        JsonPath hook = register(url, List.of("ticket.created"), null);
        JsonPath ticket = Fixtures.clientTicket(ANA, Fixtures.unique("Dead receiver"), "LOW");
        Outboxes.drain(ticket.getString("id"));
        // disable-after-failures is 5 in the test profile.
        assertThat(received).hasSize(5);
        as(SAM).get("/api/v1/webhooks/" + hook.getString("id")).then().body("enabled", equalTo(false));
        assertThat(Db.count("select count(*) from notification where kind = 'WEBHOOK_DISABLED' and ref = ?",
                hook.getString("id"))).isEqualTo(1);
        JsonPath delivery = as(SAM).get("/api/v1/webhooks/" + hook.getString("id") + "/deliveries").jsonPath();
        assertThat(delivery.getString("items[0].status")).isEqualTo("FAILED");
        assertThat(delivery.getString("items[0].lastError")).isNotBlank();
        // Disabled: the next event is not queued for it (the replica's cache of subscriptions was dropped).
        String later = Fixtures.clientTicket(ANA, Fixtures.unique("After disabling"), "LOW").getString("id");
        assertThat(Db.count("select count(*) from notification where webhook_id = ?::uuid and ticket_id = ?::uuid",
                hook.getString("id"), later)).isZero();
        // Deleted: gone.
        as(SAM).delete("/api/v1/webhooks/" + hook.getString("id")).then().statusCode(204);
        as(SAM).get("/api/v1/webhooks/" + hook.getString("id")).then().statusCode(404);
    }

    @Test
    void loopbackAndPrivateTargetsAreRefusedUnlessAllowed() {
        for (String target : List.of("http://127.0.0.1/x", "http://localhost/x", "http://10.1.2.3/x", "http://192.168.0.1/x",
                "http://172.16.5.5/x", "http://169.254.169.254/latest/meta-data", "http://[::1]/x", "ftp://example.com/x")) {
            org.assertj.core.api.Assertions
                    .assertThatThrownBy(() -> WebhookDelivery.checkTarget(URI.create(target), false)).as(target)
                    .isInstanceOf(WebhookDelivery.TargetRefused.class);
        }
        org.assertj.core.api.Assertions
                .assertThatCode(() -> WebhookDelivery.checkTarget(URI.create("http://127.0.0.1/x"), true))
                .doesNotThrowAnyException();
    }

    @Test
    void concurrentWorkersDeliverEachEventOnceAndEscalationStepsAreEvents() throws Exception {
        List<Received> received = new CopyOnWriteArrayList<>();
        String url = receiver(received, n -> 200);
        register(url, List.of("ticket.created", "escalation.raised", "escalation.acknowledged", "escalation.closed"),
                null);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(Fixtures.clientTicket(ANA, Fixtures.unique("Many hooks " + i), "LOW").getString("id"));
        }
        String escalation = as(ANA).body(Map.of("reason", "Slow")).post("/api/v1/tickets/" + ids.get(0) + "/escalations")
                .then().statusCode(201).extract().jsonPath().getString("id");
        as(SAM).post("/api/v1/escalations/" + escalation + "/acknowledge").then().statusCode(200);
        as(SAM).post("/api/v1/escalations/" + escalation + "/close").then().statusCode(200);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Callable<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(() -> Outboxes.worker().runOnce());
            }
            for (java.util.concurrent.Future<Integer> f : pool.invokeAll(runs)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        ids.forEach(Outboxes::drain);
        // only this test's tickets: the SLA monitor may escalate another test's breached ticket meanwhile, and the
        // subscription hears every ticket's escalations
        List<Received> ours = received.stream()
                .filter(r -> ids
                        .contains(new JsonObject(r.body()).getJsonObject("data").getJsonObject("ticket").getString("id")))
                .toList();
        assertThat(ours).hasSize(11);
        assertThat(received.stream().map(Received::id).distinct()).hasSize(received.size());
        assertThat(ours.stream().map(r -> new JsonObject(r.body()).getString("type")).filter(t -> t.startsWith("escalation.")))
                .containsExactly("escalation.raised", "escalation.acknowledged", "escalation.closed");
    }
}
