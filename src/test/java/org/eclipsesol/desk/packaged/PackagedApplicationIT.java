package org.eclipsesol.desk.packaged;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipsesol.desk.support.Problems;
import org.eclipsesol.desk.support.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

/**
 * The packaged application (the jar in .ci/run; the native executable under -Dnative) in the prod profile, through
 * its real API with real signed tokens: discovered from an OIDC provider like Keycloak's ({@link PackagedAppResource}),
 * on this machine's PostgreSQL. Nothing dev-only, no test clock: only what a client of the deployed service can see.
 * Every JSON body is checked field by field, so a type the native image cannot serialize fails here.
 */
@QuarkusIntegrationTest
@WithTestResource(PackagedAppResource.class)
class PackagedApplicationIT {

    static final String ANA = "ana@it-acme.example";
    static final String TOM = "tom@eclipsesol.org";
    static final String SAM = "sam@eclipsesol.org";
    static final Map<String, String> TOKENS = new HashMap<>();

    @TestHTTPResource("/graphql")
    URI graphql;

    static Vertx vertx;

    private static boolean organized;

    @BeforeAll
    static void vertx() {
        vertx = Vertx.vertx();
    }

    /** The client organization of ANA (domain it-acme.example), created through the API before the first request. */
    @BeforeEach
    void organization() {
        if (organized) {
            return;
        }
        organized = true;
        String name = "IT Acme " + UUID.randomUUID();
        as(SAM).body(Map.of("name", name, "emailDomains", List.of("it-acme.example"))).post("/api/v1/organizations").then()
                .statusCode(201);
    }

    @AfterAll
    static void close() {
        vertx.close();
    }

    static synchronized String token(String user) {
        return TOKENS.computeIfAbsent(user, u -> {
            List<String> roles = switch (u) {
                case TOM -> List.of("technician");
                case SAM -> List.of("supervisor", "technician");
                default -> List.of("client");
            };
            return Tokens.subject(u).email(u, true).name(u.substring(0, u.indexOf('@'))).realmRoles(roles).sign();
        });
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(token(user)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static Map<String, Object> ticket(String title) {
        return new HashMap<>(Map.of("title", title, "description", "Described: " + title, "priority", "MEDIUM", "service",
                "MANAGED_IT", "category", "TECHNICAL_ASSISTANCE"));
    }

    static JsonPath open(String title) {
        return as(ANA).header("Idempotency-Key", UUID.randomUUID().toString()).body(ticket(title)).post("/api/v1/tickets")
                .then().statusCode(201).extract().jsonPath();
    }

    @Test
    void healthIsOnTheManagementPortOnly() {
        String management = "http://localhost:" + PackagedAppResource.managementPort;
        for (String path : List.of("/q/health", "/q/health/started", "/q/health/ready", "/q/health/live")) {
            JsonPath health = given().get(management + path).then().statusCode(200).extract().jsonPath();
            assertThat(health.getString("status")).as(path).isEqualTo("UP");
        }
        assertThat(given().get(management + "/q/health/ready").then().extract().jsonPath().getList("checks.name"))
                .anyMatch(name -> name.toString().toLowerCase().contains("database"));
        assertThat(given().get(management + "/q/metrics").then().statusCode(200).extract().asString())
                .contains("http_server_requests");
        given().get("/q/health").then().statusCode(404);
    }

    @Test
    void me() {
        JsonPath me = as(ANA).get("/api/v1/me").then().statusCode(200).extract().jsonPath();
        assertThat(me.getString("email")).isEqualTo(ANA);
        assertThat(me.getList("roles")).contains("client");
        assertThat(me.getString("organization.name")).startsWith("IT Acme");
    }

    @Test
    void openListPatchAndCommentOnATicket() {
        String key = UUID.randomUUID().toString();
        Response created = as(ANA).header("Idempotency-Key", key).body(ticket("Printer offline")).post("/api/v1/tickets");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        JsonPath t = created.jsonPath();
        String id = t.getString("id");
        assertThat(t.getString("number")).startsWith("T-");
        assertThat(t.getString("status")).isEqualTo("NEW");
        assertThat(t.getString("sla.response.status")).isEqualTo("ON_TRACK");
        assertThat(t.getString("sla.response.target")).isEqualTo("PT8H");
        assertThat(t.getString("requester.email")).isEqualTo(ANA);
        // The same key again replays the same ticket.
        Response replay = as(ANA).header("Idempotency-Key", key).body(ticket("Printer offline")).post("/api/v1/tickets");
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.jsonPath().getString("id")).isEqualTo(id);

        assertThat(as(TOM).queryParam("status", "NEW").queryParam("limit", 100).get("/api/v1/tickets").then().statusCode(200)
                .extract().jsonPath().getList("items.id")).contains(id);

        Response got = as(TOM).get("/api/v1/tickets/" + id);
        String etag = got.header("ETag");
        assertThat(etag).isNotBlank();
        JsonPath patched = as(TOM).header("If-Match", etag).body(Map.of("status", "IN_PROGRESS", "assigneeId", TOM))
                .patch("/api/v1/tickets/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(patched.getString("status")).isEqualTo("IN_PROGRESS");
        assertThat(patched.getString("assignee.id") + patched.getString("assignee.email")).contains(TOM);

        JsonPath comment = as(ANA).body(Map.of("body", "It blinks orange")).post("/api/v1/tickets/" + id + "/comments").then()
                .statusCode(201).extract().jsonPath();
        assertThat(comment.getString("body")).isEqualTo("It blinks orange");
        assertThat(comment.getString("id")).isNotBlank();
        assertThat(as(TOM).get("/api/v1/tickets/" + id + "/comments").then().statusCode(200).extract().jsonPath()
                .getList("items.body")).contains("It blinks orange");
        assertThat(as(TOM).get("/api/v1/tickets/" + id + "/events").then().statusCode(200).extract().jsonPath()
                .getList("items")).isNotEmpty();
    }

    @Test
    void attachmentUploadAndDownload() {
        String id = open("Screenshot of the error").getString("id");
        byte[] png = pngBytes();
        Response uploaded = given().auth().oauth2(token(ANA)).accept("application/json")
                .multiPart("file", "error.png", png, "image/png").post("/api/v1/tickets/" + id + "/attachments");
        assertThat(uploaded.statusCode()).as(uploaded.asString()).isEqualTo(201);
        assertThat(uploaded.jsonPath().getString("fileName") + uploaded.jsonPath().getString("name")).contains("error.png");
        String location = uploaded.header("Location");
        byte[] downloaded = given().auth().oauth2(token(TOM)).get(URI.create(location).getPath()).then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        assertThat(downloaded).isEqualTo(png);
        assertThat(as(ANA).get("/api/v1/tickets/" + id + "/attachments").then().statusCode(200).extract().jsonPath()
                .getList("id")).hasSize(1);
    }

    /** The path that answered 500 in the first native build (IntakeResult not registered). */
    @Test
    void emailIntakeOpensATicketAndARedeliveryIsADuplicate() {
        Map<String, Object> mail = Map.of("messageId", "<" + UUID.randomUUID() + "@mail.it-acme.example>", "from", ANA,
                "subject", "Scanner jams", "text", "Every page jams.", "authenticated", true);
        String gateway = Tokens.gateway();
        JsonPath first = given().auth().oauth2(gateway).contentType(ContentType.JSON).body(mail).post("/api/v1/intake/email")
                .then().statusCode(201).extract().jsonPath();
        assertThat(first.getString("outcome")).isEqualTo("TICKET_OPENED");
        assertThat(first.getBoolean("duplicate")).isFalse();
        assertThat(first.getString("ticketNumber")).startsWith("T-");
        assertThat(first.getString("ticketId")).isNotBlank();
        JsonPath again = given().auth().oauth2(gateway).contentType(ContentType.JSON).body(mail).post("/api/v1/intake/email")
                .then().statusCode(200).extract().jsonPath();
        assertThat(again.getBoolean("duplicate")).isTrue();
        assertThat(again.getString("ticketId")).isEqualTo(first.getString("ticketId"));
        assertThat(as(ANA).get("/api/v1/tickets/" + first.getString("ticketId")).then().statusCode(200).extract().jsonPath()
                .getString("channel")).isEqualTo("EMAIL");
    }

    @Test
    void graphQLQueryAndMutation() {
        JsonPath q = graphQL(ANA, "query { me { email organization { name } } }", Map.of());
        assertThat(q.getString("data.me.email")).isEqualTo(ANA);
        assertThat(q.getString("data.me.organization.name")).startsWith("IT Acme");
        JsonPath m = graphQL(ANA,
                """
                        mutation Open($input: TicketInput!, $key: String) {
                          openTicket(input: $input, idempotencyKey: $key) { replayed ticket { id number status sla { response { status } } } }
                        }""",
                Map.of("input", ticket("Opened through GraphQL"), "key", UUID.randomUUID().toString()));
        assertThat(m.getList("errors")).isNull();
        assertThat(m.getBoolean("data.openTicket.replayed")).isFalse();
        assertThat(m.getString("data.openTicket.ticket.number")).startsWith("T-");
        assertThat(m.getString("data.openTicket.ticket.sla.response.status")).isEqualTo("ON_TRACK");
        JsonPath denied = graphQL(null, "query { me { email } }", Map.of());
        assertThat(denied.getString("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
    }

    static JsonPath graphQL(String user, String query, Map<String, Object> variables) {
        RequestSpecification spec = user == null ? given() : given().auth().oauth2(token(user));
        return spec.contentType(ContentType.JSON).accept(ContentType.JSON).body(Map.of("query", query, "variables", variables))
                .post("/graphql").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void subscriptionEventOverWebSocket() throws Exception {
        String id = open("Subscribed printer").getString("id");
        HttpClient client = vertx.createHttpClient();
        try {
            WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(graphql.getHost())
                    .setPort(graphql.getPort()).setURI(graphql.getPath()).addSubProtocol("graphql-transport-ws");
            WebSocket ws = client.webSocket(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
            ws.textMessageHandler(text -> {
                JsonObject message = new JsonObject(text);
                if (!"ping".equals(message.getString("type"))) {
                    messages.add(message);
                }
            });
            ws.writeTextMessage(new JsonObject().put("type", "connection_init")
                    .put("payload", new JsonObject().put("Authorization", "Bearer " + token(ANA))).encode());
            assertThat(messages.poll(10, TimeUnit.SECONDS).getString("type")).isEqualTo("connection_ack");
            ws.writeTextMessage(new JsonObject().put("id", "1").put("type", "subscribe").put("payload", new JsonObject()
                    .put("query",
                            "subscription C($id: ID!) { ticketChanged(id: $id) { ticketId what ticket { number status } } }")
                    .put("variables", new JsonObject().put("id", id))).encode());
            JsonObject pushed = null;
            for (int i = 0; i < 15 && pushed == null; i++) {
                as(TOM).body(Map.of("body", "On it (" + i + ")")).post("/api/v1/tickets/" + id + "/comments").then()
                        .statusCode(201);
                pushed = messages.poll(Duration.ofSeconds(2).toMillis(), TimeUnit.MILLISECONDS);
            }
            assertThat(pushed).as("a pushed event").isNotNull();
            assertThat(pushed.getString("type")).as(pushed.encode()).isEqualTo("next");
            JsonObject event = pushed.getJsonObject("payload").getJsonObject("data").getJsonObject("ticketChanged");
            assertThat(event.getString("ticketId")).isEqualTo(id);
            assertThat(event.getString("what")).isNotBlank();
            assertThat(event.getJsonObject("ticket").getString("number")).startsWith("T-");
            ws.close();
        } finally {
            client.close();
        }
    }

    /** One problem+json of each status the API answers, each with its whole body (type, title, status, detail). */
    @Test
    void problemsOfEveryStatusCarryTheirBody() throws Exception {
        String id = open("Problems").getString("id");
        String url = "/api/v1/tickets/" + id;

        JsonPath validation = Problems.assertViolations(as(ANA).body(Map.of("title", "", "description", "x", "priority",
                "MEDIUM", "service", "MANAGED_IT", "category", "TECHNICAL_ASSISTANCE")).post("/api/v1/tickets"), "title");
        assertThat(validation.getString("title")).isEqualTo("Invalid input");
        assertThat(validation.getString("instance")).isEqualTo("/api/v1/tickets");
        Problems.assertProblem(as(ANA).body("{\"title\": ").post("/api/v1/tickets"), 400);
        Problems.assertProblem(given().accept(ContentType.JSON).get("/api/v1/tickets"), 401, "unauthenticated");
        Problems.assertProblem(as(ANA).body(Map.of("name", "Not mine", "emailDomains", List.of("x.example")))
                .post("/api/v1/organizations"), 403, "forbidden");
        Problems.assertProblem(as(ANA).get("/api/v1/tickets/" + UUID.randomUUID()), 404, "not-found");
        Problems.assertProblem(as(SAM).delete(url), 405, "method-not-allowed");
        Problems.assertProblem(given().auth().oauth2(token(ANA)).accept("application/xml").get(url), 406, "not-acceptable");
        String etag = as(TOM).get(url).header("ETag");
        Problems.assertProblem(as(TOM).header("If-Match", etag).body(Map.of("status", "CLOSED")).patch(url), 409, "conflict");
        Problems.assertProblem(as(TOM).header("If-Match", "\"999\"").body(Map.of("status", "IN_PROGRESS")).patch(url), 412,
                "precondition-failed");
        // A declared body over the HTTP limit: refused before it is read (the connection closes), so sent by hand.
        String tooLarge = declaredBody("/api/v1/tickets", token(ANA), 12L * 1024 * 1024);
        assertThat(tooLarge).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json")
                .contains("\"status\":413").contains("\"type\":\"" + Problems.TYPE_BASE + "payload-too-large\"")
                .contains("\"title\":");
        Problems.assertProblem(given().auth().oauth2(token(ANA)).contentType("text/plain").body("VPN is down")
                .post("/api/v1/tickets"), 415, "unsupported-media-type");
        Problems.assertProblem(given().auth().oauth2(Tokens.gateway()).contentType(ContentType.JSON)
                .body(Map.of("messageId", "<" + UUID.randomUUID() + "@x>", "from", "stranger@nowhere.example", "subject",
                        "Hi", "text", "Hello", "authenticated", true))
                .post("/api/v1/intake/email"), 422, "unprocessable");
        // RATE_LIMIT_ESCALATIONS=2 in this environment.
        Response limited = null;
        for (int i = 0; i < 4; i++) {
            Response r = as(ANA).body(Map.of("reason", "Still down " + i)).post(url + "/escalations");
            if (r.statusCode() == 429) {
                limited = r;
                break;
            }
        }
        assertThat(limited).as("a 429 after the escalation budget").isNotNull();
        Problems.assertProblem(limited, 429, "too-many-requests");
        assertThat(limited.header("Retry-After")).isNotBlank();
    }

    @Test
    void slaReportAsJsonAndCsv() {
        open("Counted in the report");
        JsonPath report = as(SAM).queryParam("groupBy", "priority").get("/api/v1/reports/sla").then().statusCode(200).extract()
                .jsonPath();
        assertThat(report.getString("groupBy")).isEqualTo("PRIORITY");
        assertThat(report.getList("rows")).isNotEmpty();
        assertThat(report.getInt("total.tickets")).isPositive();
        String csv = given().auth().oauth2(token(SAM)).accept("text/csv").queryParam("groupBy", "organization")
                .get("/api/v1/reports/sla").then().statusCode(200)
                .header("Content-Type", org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        assertThat(csv).startsWith("group,label,tickets,");
        assertThat(csv).contains("IT Acme");
    }

    /** POSTs only the headers of a JSON body of {@code length} bytes (and its first byte); returns the answer. */
    static String declaredBody(String path, String token, long length) throws Exception {
        URI base = URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port);
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            String request = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n{";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.setSoTimeout(10_000);
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** A valid 1×1 PNG. */
    static byte[] pngBytes() {
        return Base64Png.BYTES;
    }

    static final class Base64Png {
        static final byte[] BYTES = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    }
}
