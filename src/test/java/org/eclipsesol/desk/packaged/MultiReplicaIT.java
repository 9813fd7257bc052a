package org.eclipsesol.desk.packaged;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipsesol.desk.support.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

/**
 * Three instances of the packaged jar (prod profile) on one PostgreSQL schema, on three ports, started at the same
 * moment on an empty schema (Flyway's lock decides who migrates). Shows: a ticket opened through replica A is pushed
 * to a subscriber on replica C; the SLA monitors of all three raise each AT_RISK/BREACHED exactly once; an
 * Idempotency-Key race across replicas makes one ticket; killing a replica mid-load loses no acknowledged ticket.
 * Real time (no test clock): tickets are logged with an {@code openedAt} in the past so that their moments fall
 * a few seconds ahead. Opt-in, it takes about two minutes: {@code bench/replicas/run.sh}. Figures:
 * target/replicas-figures.txt.
 */
@EnabledIfSystemProperty(named = "replicas", matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiReplicaIT {

    static final String TOM = "tom@eclipsesol.org";
    static final String SAM = "sam@eclipsesol.org";
    static final String ANA = "ana@replicas.example";
    static final List<Replica> REPLICAS = new ArrayList<>();
    static final List<String> FIGURES = new ArrayList<>();
    static PackagedAppResource oidc;
    static Vertx vertx;
    static String orgId;
    static String schema;

    record Replica(String name, Process process, int port, int management, Path log) {
        String url() {
            return "http://localhost:" + port;
        }
    }

    @BeforeAll
    static void startThreeReplicas() throws Exception {
        oidc = new PackagedAppResource();
        Map<String, String> config = new HashMap<>(oidc.start());
        schema = System.getenv().getOrDefault("TEST_DB_SCHEMA", "supportdesk_test") + "_replicas";
        try (Connection c = db(); Statement s = c.createStatement()) {
            s.execute("drop schema if exists \"" + schema + "\" cascade");
        }
        config.put("DB_SCHEMA", schema);
        config.put("desk.db.schema", schema);
        config.remove("RATE_LIMIT_ESCALATIONS");
        config.put("RATE_LIMIT_WRITES", "100000");
        config.put("RATE_LIMIT_READS", "100000");
        Instant start = Instant.now();
        for (String name : List.of("A", "B", "C")) {
            int port = PackagedAppResource.freePort();
            int management = PackagedAppResource.freePort();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            config.forEach((k, v) -> command.add("-D" + k + "=" + v));
            command.add("-Dquarkus.http.port=" + port);
            command.add("-Dquarkus.management.port=" + management);
            command.add("-Xmx256m");
            command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
            Path log = Path.of("target/replica-" + name + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            REPLICAS.add(new Replica(name, process, port, management, log));
        }
        for (Replica r : REPLICAS) {
            awaitReady(r, Duration.ofSeconds(180));
        }
        figure("3 replicas started together on an empty schema, all ready after %d ms (Flyway migrated once under its lock)",
                Duration.between(start, Instant.now()).toMillis());
        try (Connection c = db();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from \"" + schema + "\".flyway_schema_history where success")) {
            rs.next();
            figure("flyway_schema_history: %d successful migrations, each applied once", rs.getInt(1));
        }
        for (Replica r : REPLICAS) {
            figure("replica %s RSS after start: %d MB (JVM, -Xmx256m)", r.name(), rssMb(r.process()));
        }
        vertx = Vertx.vertx();
        orgId = as(SAM, a()).body(Map.of("name", "Replicas " + UUID.randomUUID(), "emailDomains", List.of("replicas.example")))
                .post("/api/v1/organizations").then().statusCode(201).extract().path("id");
    }

    @AfterAll
    static void stop() throws Exception {
        for (Replica r : REPLICAS) {
            if (r.process().isAlive()) {
                figure("replica %s RSS at the end: %d MB", r.name(), rssMb(r.process()));
                r.process().destroy();
            }
        }
        for (Replica r : REPLICAS) {
            r.process().waitFor(30, TimeUnit.SECONDS);
        }
        if (vertx != null) {
            vertx.close();
        }
        if (oidc != null) {
            oidc.stop();
        }
        Files.write(Path.of("target/replicas-figures.txt"), FIGURES);
    }

    static void figure(String format, Object... args) {
        String line = String.format(format, args);
        System.out.println("[replicas] " + line);
        FIGURES.add(line);
    }

    static Replica a() {
        return REPLICAS.get(0);
    }

    static Replica b() {
        return REPLICAS.get(1);
    }

    static Replica c() {
        return REPLICAS.get(2);
    }

    static Connection db() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
    }

    static long rssMb(Process p) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    static void awaitReady(Replica r, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            assertThat(r.process().isAlive()).as("replica %s is running (see %s)", r.name(), r.log()).isTrue();
            try {
                HttpResponse<String> res = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + r.management() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (res.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("replica " + r.name() + " not ready, see " + r.log());
    }

    static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    static String token(String user) {
        return TOKENS.computeIfAbsent(user, u -> {
            List<String> roles = switch (u) {
                case TOM -> List.of("technician");
                case SAM -> List.of("supervisor", "technician");
                default -> List.of("client");
            };
            return Tokens.subject(u).email(u, true).name(u.substring(0, u.indexOf('@'))).realmRoles(roles).sign();
        });
    }

    static io.restassured.specification.RequestSpecification as(String user, Replica r) {
        return given().baseUri("http://localhost").port(r.port()).auth().oauth2(token(user)).contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    static Map<String, Object> loggedTicket(String title, Instant openedAt) {
        Map<String, Object> body = new HashMap<>(Map.of("title", title, "description", "Logged: " + title, "priority",
                "CRITICAL", "service", "MANAGED_IT", "category", "TECHNICAL_ASSISTANCE", "organizationId", orgId,
                "requesterEmail", ANA, "channel", "PHONE"));
        if (openedAt != null) {
            body.put("openedAt", openedAt.toString());
        }
        return body;
    }

    /** A graphql-transport-ws subscription on replica {@code r}; messages (pings dropped) land in the queue. */
    static BlockingQueue<JsonObject> subscribe(Replica r, String user, String query) throws Exception {
        BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        WebSocket ws = vertx.createHttpClient()
                .webSocket(new WebSocketConnectOptions().setHost("localhost").setPort(r.port()).setURI("/graphql")
                        .addSubProtocol("graphql-transport-ws"))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        ws.textMessageHandler(text -> {
            JsonObject m = new JsonObject(text);
            if (!"ping".equals(m.getString("type"))) {
                messages.add(m);
            }
        });
        ws.writeTextMessage(new JsonObject().put("type", "connection_init")
                .put("payload", new JsonObject().put("Authorization", "Bearer " + token(user))).encode());
        assertThat(messages.poll(10, TimeUnit.SECONDS).getString("type")).isEqualTo("connection_ack");
        ws.writeTextMessage(new JsonObject().put("id", "1").put("type", "subscribe")
                .put("payload", new JsonObject().put("query", query)).encode());
        return messages;
    }

    @Test
    @Order(1)
    void aTicketOpenedThroughAIsPushedToASubscriberOnC() throws Exception {
        BlockingQueue<JsonObject> onC = subscribe(c(), SAM,
                "subscription { slaAlerts { ticketId ticketNumber target kind firedAt } }");
        Thread.sleep(1000); // the subscription starts asynchronously after "subscribe"
        // Logged 50 minutes late: CRITICAL response (1 h, 24/7) is AT_RISK from the moment it is opened.
        Instant sent = Instant.now();
        String id = as(TOM, a()).body(loggedTicket("Opened on A", Instant.now().minus(Duration.ofMinutes(50))))
                .post("/api/v1/tickets").then().statusCode(201).extract().path("id");
        JsonObject pushed = null;
        for (JsonObject m; (m = onC.poll(15, TimeUnit.SECONDS)) != null;) {
            JsonObject alert = m.getJsonObject("payload").getJsonObject("data").getJsonObject("slaAlerts");
            if (alert.getString("ticketId").equals(id)) {
                pushed = alert;
                break;
            }
        }
        assertThat(pushed).as("the alert of the ticket opened on A, on C").isNotNull();
        assertThat(pushed.getString("kind")).isEqualTo("AT_RISK");
        figure("ticket opened through A (:%d) pushed to a slaAlerts subscriber on C (:%d) in %d ms", a().port(), c().port(),
                Duration.between(sent, Instant.now()).toMillis());
    }

    @Test
    @Order(2)
    void theMonitorsOfThreeReplicasRaiseEachMomentOnce() throws Exception {
        // Response at risk 45 min after openedAt, breached at 60 min: put both moments ~25 s ahead.
        Instant now = Instant.now();
        List<String> turnAtRisk = new ArrayList<>();
        List<String> turnBreached = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Replica r = REPLICAS.get(i % 3);
            turnAtRisk
                    .add(as(TOM, r).body(loggedTicket("Turns at risk " + i, now.minus(Duration.ofMinutes(45)).plusSeconds(25)))
                            .post("/api/v1/tickets").then().statusCode(201).extract().path("id"));
            turnBreached
                    .add(as(TOM, r).body(loggedTicket("Turns breached " + i, now.minus(Duration.ofMinutes(60)).plusSeconds(25)))
                            .post("/api/v1/tickets").then().statusCode(201).extract().path("id"));
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        boolean done = false;
        while (!done && Instant.now().isBefore(deadline)) {
            Thread.sleep(2000);
            done = turnAtRisk.stream().allMatch(id -> status(id).equals("AT_RISK"))
                    && turnBreached.stream().allMatch(id -> status(id).equals("BREACHED"));
        }
        assertThat(done).as("every ticket reached its moment within 2 minutes").isTrue();
        figure("SLA: all 20 tickets read AT_RISK/BREACHED at most %d s after their moment (status is derived on read; the events come from the monitors)",
                Duration.between(now.plusSeconds(25), Instant.now()).toSeconds());
        // Let every replica's monitor run at least once more over them.
        Thread.sleep(25_000);
        int events = 0;
        for (String id : turnAtRisk) {
            assertThat(count(id, "SLA_AT_RISK")).as("AT_RISK events of %s", id).isEqualTo(1);
            assertThat(count(id, "SLA_BREACHED")).as("BREACHED events of %s", id).isZero();
            events++;
        }
        for (String id : turnBreached) {
            assertThat(count(id, "SLA_AT_RISK")).as("AT_RISK events of %s", id).isEqualTo(1);
            assertThat(count(id, "SLA_BREACHED")).as("BREACHED events of %s", id).isEqualTo(1);
            events += 2;
        }
        figure("SLA monitor: %d response alerts on 20 tickets, each recorded exactly once across 3 replicas", events);
    }

    static String status(String id) {
        return as(TOM, a()).get("/api/v1/tickets/" + id).then().statusCode(200).extract().path("sla.response.status");
    }

    static long count(String id, String type) {
        JsonPath page = as(SAM, b()).queryParam("limit", 100).get("/api/v1/tickets/" + id + "/events").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        return items.stream().filter(e -> type.equals(e.get("type")) && "response".equals(e.get("field"))).count();
    }

    @Test
    @Order(4)
    void aMembershipAddedThroughAReachesTheCacheOfB() throws Exception {
        String nora = "nora-" + UUID.randomUUID() + "@nowhere.example";
        String other = as(SAM, a()).body(Map.of("name", "Replica members " + UUID.randomUUID(), "emailDomains", List.of()))
                .post("/api/v1/organizations").then().statusCode(201).extract().path("id");
        // B remembers that nora belongs to no organization...
        as(nora, b()).get("/api/v1/me").then().statusCode(200).body("organization", nullValue());
        Instant added = Instant.now();
        as(SAM, a()).body(Map.of("email", nora)).post("/api/v1/organizations/" + other + "/members").then().statusCode(201);
        // ...until A's NOTIFY drops it: B answers with the new organization.
        Instant deadline = added.plusSeconds(10);
        while (!other.equals(as(nora, b()).get("/api/v1/me").then().statusCode(200).extract().path("organization.id"))) {
            assertThat(Instant.now()).as("B saw the membership within 10 s").isBefore(deadline);
            Thread.sleep(20);
        }
        figure("a membership added through A counted on B %d ms later (B's cache dropped by A's NOTIFY)",
                Duration.between(added, Instant.now()).toMillis());
    }

    @Test
    @Order(3)
    void anIdempotencyKeyRaceAcrossReplicasMakesOneTicket() throws Exception {
        String key = "race-" + UUID.randomUUID();
        String title = "Race " + key;
        Map<String, Object> body = Map.of("title", title, "description", "Same request everywhere", "priority", "LOW",
                "service", "MANAGED_IT", "category", "TECHNICAL_ASSISTANCE");
        int requests = 12;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<io.restassured.response.Response>> answers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            Replica r = REPLICAS.get(i % 3);
            answers.add(pool.submit(() -> {
                go.await();
                return as(ANA, r).header("Idempotency-Key", key).body(body).post("/api/v1/tickets");
            }));
        }
        go.countDown();
        Set<String> ids = ConcurrentHashMap.newKeySet();
        int created = 0;
        for (Future<io.restassured.response.Response> f : answers) {
            io.restassured.response.Response res = f.get(60, TimeUnit.SECONDS);
            assertThat(res.statusCode()).as(res.asString()).isIn(200, 201);
            created += res.statusCode() == 201 ? 1 : 0;
            ids.add(res.jsonPath().getString("id"));
        }
        pool.shutdown();
        assertThat(ids).hasSize(1);
        assertThat(created).isEqualTo(1);
        assertThat(as(TOM, c()).queryParam("q", key).queryParam("limit", 100).get("/api/v1/tickets").then().statusCode(200)
                .extract().jsonPath().getList("items")).hasSize(1);
        figure("Idempotency-Key race: %d simultaneous requests over 3 replicas -> 1 ticket (1 x 201, %d x 200 replayed)",
                requests, requests - 1);
    }

    @Test
    @Order(5)
    void killingAReplicaMidLoadLosesNoAcknowledgedTicket() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger failed = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        String tag = "load-" + UUID.randomUUID();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            pool.submit(() -> {
                int n = 0;
                while (running.get()) {
                    Replica r = REPLICAS.get((thread + n++) % 3);
                    try {
                        io.restassured.response.Response res = as(ANA, r)
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .body(Map.of("title", tag + " " + thread + "-" + n, "description", "Under load", "priority",
                                        "LOW",
                                        "service", "MANAGED_IT", "category", "TECHNICAL_ASSISTANCE"))
                                .post("/api/v1/tickets");
                        if (res.statusCode() == 201) {
                            acknowledged.add(res.jsonPath().getString("id"));
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception connectionLost) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        Thread.sleep(4000);
        int before = acknowledged.size();
        b().process().destroyForcibly(); // SIGKILL: no graceful shutdown
        Instant killed = Instant.now();
        Thread.sleep(6000);
        running.set(false);
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        Set<String> stored = ConcurrentHashMap.newKeySet();
        try (Connection c = db();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select id from \"" + schema + "\".ticket where title like '" + tag + "%'")) {
            while (rs.next()) {
                stored.add(rs.getString(1));
            }
        }
        assertThat(stored).as("every acknowledged ticket is stored").containsAll(acknowledged);
        figure("kill -9 of replica B under load (%d threads round-robin over A, B, C, 10 s): %d tickets acknowledged "
                + "(%d before the kill, %.0f/s), %d requests failed (all on B, none acknowledged), %d stored, 0 lost",
                threads, acknowledged.size(), before, before / 4.0, failed.get(), stored.size());
        assertThat(Duration.between(killed, Instant.now()).toSeconds()).isPositive();
    }
}
