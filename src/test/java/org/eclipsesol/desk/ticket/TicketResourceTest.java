package org.eclipsesol.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.CARLA;
import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.as;
import static org.eclipsesol.desk.support.Api.bare;

import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.eclipsesol.desk.support.Db;
import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.Problems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Focused ticket behaviour: creation, ETags, attachments, scope, and PATCH field semantics. */
@QuarkusTest
class TicketResourceTest {

    static String acme;
    static String globex;

    @BeforeEach
    void organizations() {
        acme = Fixtures.acme();
        globex = Fixtures.globex();
    }

    @Test
    void createAnswers201WithLocationAndETag() {
        String title = Fixtures.unique("Created");
        Response created = as(ANA).body(Fixtures.ticketBody(title, "MEDIUM")).post("/api/v1/tickets");

        assertThat(created.statusCode()).isEqualTo(201);
        String id = created.jsonPath().getString("id");
        assertThat(created.header("Location")).endsWith("/api/v1/tickets/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"" + created.jsonPath().getInt("version") + "\"");
        assertThat(created.jsonPath().getString("number")).matches("T-\\d+");
        assertThat(created.jsonPath().getString("status")).isEqualTo("NEW");
        assertThat(created.jsonPath().getString("channel")).isEqualTo("PORTAL");
        assertThat(created.jsonPath().getString("organization.id")).isEqualTo(acme);
        assertThat(created.jsonPath().getString("requester.email")).isEqualTo(ANA);

        Response fetched = bare(ANA).accept("application/json").get(created.header("Location"));
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.jsonPath().getString("id")).isEqualTo(id);
        assertThat(fetched.jsonPath().getString("title")).isEqualTo(title);
    }

    @Test
    void etagOnGetIsTheVersionAndMovesWithEveryChange() {
        String id = Fixtures.clientTicket(ANA, Fixtures.unique("ETag"), "MEDIUM").getString("id");
        String url = "/api/v1/tickets/" + id;

        Response first = as(TOM).get(url);
        assertThat(first.header("ETag")).isEqualTo("\"" + first.jsonPath().getInt("version") + "\"")
                .isEqualTo("\"" + Db.ticketState(id).get("version") + "\"");

        Response patched = as(TOM).header("If-Match", first.header("ETag")).body(Map.of("status", "IN_PROGRESS"))
                .patch(url);
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(patched.header("ETag")).isNotEqualTo(first.header("ETag"))
                .isEqualTo("\"" + patched.jsonPath().getInt("version") + "\"");
        assertThat(as(ANA).get(url).header("ETag")).isEqualTo(patched.header("ETag"));

        as(ANA).body(Map.of("body", "Thanks")).post(url + "/comments").then().statusCode(201);
        assertThat(as(ANA).get(url).header("ETag")).as("a comment changes the ticket too").isNotEqualTo(patched.header("ETag"));
    }

    @Test
    void staleIfMatchIs412AndChangesNothing() {
        String id = Fixtures.clientTicket(ANA, Fixtures.unique("Stale"), "MEDIUM").getString("id");
        String url = "/api/v1/tickets/" + id;
        String stale = as(TOM).get(url).header("ETag");
        as(SAM).body(Map.of("priority", "HIGH", "reason", "Several users affected")).patch(url).then().statusCode(200);
        Map<String, String> before = Db.ticketState(id);

        for (String ifMatch : List.of(stale, "W/" + stale, "\"999\"")) {
            Problems.assertProblem(as(TOM).header("If-Match", ifMatch).body(Map.of("status", "RESOLVED")).patch(url), 412,
                    "precondition-failed");
        }
        assertThat(Db.ticketState(id)).isEqualTo(before);

        String current = as(TOM).get(url).header("ETag");
        as(TOM).header("If-Match", current).body(Map.of("status", "RESOLVED")).patch(url).then().statusCode(200);
        as(TOM).header("If-Match", "*").body(Map.of("status", "IN_PROGRESS")).patch(url).then().statusCode(200);
    }

    @Test
    void attachmentRoundTripKeepsTheBytesAndAlwaysDownloads() throws Exception {
        String id = Fixtures.clientTicket(ANA, Fixtures.unique("Attachment"), "MEDIUM").getString("id");
        String url = "/api/v1/tickets/" + id;
        byte[] png = Fixtures.png();

        Response uploaded = bare(ANA).accept("application/json").multiPart("file", "printer error.png", png, "image/png")
                .post(url + "/attachments");

        assertThat(uploaded.statusCode()).as(uploaded.asString()).isEqualTo(201);
        String attachmentId = uploaded.jsonPath().getString("id");
        String downloadUrl = url + "/attachments/" + attachmentId;
        assertThat(uploaded.header("Location")).endsWith(downloadUrl);
        assertThat(uploaded.jsonPath().getString("fileName")).isEqualTo("printer error.png");
        assertThat(uploaded.jsonPath().getString("contentType")).isEqualTo("image/png");
        assertThat(uploaded.jsonPath().getLong("size")).isEqualTo(png.length);
        assertThat(uploaded.jsonPath().getString("sha256"))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png)));
        assertThat(as(ANA).get(url + "/attachments").jsonPath().getList("id")).containsExactly(attachmentId);

        for (String user : List.of(ANA, TOM)) {
            Response download = bare(user).get(downloadUrl);
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.contentType()).startsWith("image/png");
            assertThat(download.header("Content-Disposition")).startsWith("attachment;")
                    .contains("filename=\"printer error.png\"");
            assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(download.asByteArray()).isEqualTo(png);
        }
        List<String> events = as(ANA).get(url + "/events").jsonPath().getList("items.type");
        assertThat(events).contains("ATTACHMENT_ADDED");

        Problems.assertProblem(bare(ANA).get(url + "/attachments/" + java.util.UUID.randomUUID()), 404, "not-found");
    }

    @Test
    void aPathInTheFileNameIsDropped() {
        String id = Fixtures.clientTicket(ANA, Fixtures.unique("Attachment name"), "MEDIUM").getString("id");
        Response uploaded = bare(ANA).accept("application/json")
                .multiPart("file", "../../etc/notes.txt", "hello".getBytes(), "text/plain")
                .post("/api/v1/tickets/" + id + "/attachments");
        assertThat(uploaded.statusCode()).isEqualTo(201);
        assertThat(uploaded.jsonPath().getString("fileName")).isEqualTo("notes.txt");
    }

    @Test
    void globexOpeningASurveillanceTicketIsOutOfScopeAndBillable() {
        Map<String, Object> body = new HashMap<>(Fixtures.ticketBody(Fixtures.unique("Camera offline"), "MEDIUM"));
        body.put("service", "SURVEILLANCE");

        Response globexTicket = as(CARLA).body(body).post("/api/v1/tickets");
        assertThat(globexTicket.statusCode()).isEqualTo(201);
        assertThat(globexTicket.jsonPath().getString("organization.id")).isEqualTo(globex);
        assertThat(globexTicket.jsonPath().getBoolean("outOfScope")).isTrue();
        assertThat(globexTicket.jsonPath().getBoolean("billable")).isTrue();
        String created = as(CARLA).get("/api/v1/tickets/" + globexTicket.jsonPath().getString("id") + "/events").jsonPath()
                .getString("items.find { it.type == 'CREATED' }.detail");
        assertThat(created).contains("out of scope");

        Response acmeTicket = as(ANA).body(body).post("/api/v1/tickets");
        assertThat(acmeTicket.jsonPath().getBoolean("outOfScope")).as("Acme's agreement covers every service").isFalse();
        assertThat(acmeTicket.jsonPath().getBoolean("billable")).isFalse();

        Response covered = as(CARLA).body(Fixtures.ticketBody(Fixtures.unique("Phones"), "MEDIUM")).post("/api/v1/tickets");
        assertThat(covered.jsonPath().getBoolean("outOfScope")).isFalse();
        Response moved = as(TOM).body(Map.of("service", "SURVEILLANCE"))
                .patch("/api/v1/tickets/" + covered.jsonPath().getString("id"));
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(moved.jsonPath().getBoolean("outOfScope")).isTrue();
        assertThat(moved.jsonPath().getBoolean("billable")).isTrue();
    }

    @Test
    void anAbsentAssigneeOrExclusionIsLeftAloneAndAnExplicitNullClearsIt() {
        String id = Fixtures.clientTicket(ANA, Fixtures.unique("Absent vs null"), "MEDIUM").getString("id");
        String url = "/api/v1/tickets/" + id;
        as(TOM).body(Map.of("assigneeId", TOM)).patch(url).then().statusCode(200);
        as(SAM).body(Map.of("exclusion", "THIRD_PARTY", "exclusionNote", "Carrier outage")).patch(url).then()
                .statusCode(200);

        Response progressed = as(TOM).body(Map.of("status", "IN_PROGRESS")).patch(url);
        assertThat(progressed.statusCode()).as(progressed.asString()).isEqualTo(200);
        assertThat(progressed.jsonPath().getString("assignee.id")).isEqualTo(TOM);
        assertThat(progressed.jsonPath().getString("exclusion")).isEqualTo("THIRD_PARTY");

        Map<String, String> before = Db.ticketState(id);
        Problems.assertProblem(as(TOM).body("{\"assigneeId\": null}").patch(url), 403, "forbidden");
        assertThat(Db.ticketState(id)).isEqualTo(before);

        Response cleared = as(SAM).body("{\"assigneeId\": null, \"exclusion\": null}").patch(url);
        assertThat(cleared.statusCode()).isEqualTo(200);
        assertThat(cleared.jsonPath().getString("assignee")).isNull();
        assertThat(cleared.jsonPath().getString("exclusion")).isNull();
    }

    @Test
    void aClientNeverSeesTheExclusionNote() {
        String id = Fixtures.clientTicket(ANA, Fixtures.unique("Exclusion note"), "MEDIUM").getString("id");
        String url = "/api/v1/tickets/" + id;
        String note = "Client's own IT broke the firewall " + java.util.UUID.randomUUID();
        as(SAM).body(Map.of("exclusion", "CLIENT_NEGLIGENCE", "exclusionNote", note)).patch(url).then().statusCode(200);

        assertThat(as(SAM).get(url).jsonPath().getString("exclusionNote")).isEqualTo(note);
        Response seenByClient = as(ANA).get(url);
        assertThat(seenByClient.jsonPath().getString("exclusion")).isEqualTo("CLIENT_NEGLIGENCE");
        assertThat(seenByClient.asString()).doesNotContain(note);
        Response clientEvents = as(ANA).get(url + "/events");
        assertThat(clientEvents.jsonPath().getList("items.type")).contains("EXCLUSION_CHANGED");
        assertThat(clientEvents.asString()).doesNotContain(note);
        assertThat(as(SAM).get(url + "/events").asString()).contains(note);
    }
}
