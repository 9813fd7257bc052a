package org.eclipsesol.desk.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.as;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipsesol.desk.support.Api;
import org.eclipsesol.desk.support.Db;
import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.Problems;
import org.eclipsesol.desk.support.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Quotas (issue 8, point 9): attachments per ticket, attachment bytes per organization per day, client comments
 * per ticket per hour, one escalation per level. Test-profile quotas: 10 attachments, 30 MiB a day.
 */
@QuarkusTest
class QuotaTest {

    private static Response upload(String token, String ticketId, byte[] data) {
        return io.restassured.RestAssured.given().auth().oauth2(token).multiPart("file", "shot.png", data, "image/png")
                .post("/api/v1/tickets/" + ticketId + "/attachments");
    }

    private static byte[] pngOfSize(int size) {
        return Arrays.copyOf(Fixtures.png(), size);
    }

    @Test
    void aTicketTakesAtMostTheConfiguredNumberOfAttachments() {
        String id = Fixtures.clientTicket(ANA, Fixtures.unique("Many files"), "LOW").getString("id");
        for (int i = 0; i < 10; i++) {
            upload(Api.token(ANA), id, Fixtures.png()).then().statusCode(201);
        }
        Problems.assertProblem(upload(Api.token(ANA), id, Fixtures.png()), 409, "conflict");
        Problems.assertProblem(upload(Api.token(TOM), id, Fixtures.png()), 409, "conflict");
        assertThat(Db.count("select count(*) from attachment where ticket_id = ?", UUID.fromString(id))).isEqualTo(10);
    }

    @Test
    void anOrganizationUploadsAtMostTheDailyBytes() {
        String domain = "quota-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String org = as(SAM).body(Map.of("name", "Quota Co " + domain, "emailDomains", List.of(domain)))
                .post("/api/v1/organizations").then().statusCode(201).extract().path("id");
        String client = Tokens.subject("quota-" + UUID.randomUUID()).email("pat@" + domain, true)
                .realmRoles(List.of("client")).sign();
        String first = Api.withToken(client).body(Fixtures.ticketBody("Quota one", "LOW")).post("/api/v1/tickets").then()
                .statusCode(201).extract().path("id");
        String second = Api.withToken(client).body(Fixtures.ticketBody("Quota two", "LOW")).post("/api/v1/tickets").then()
                .statusCode(201).extract().path("id");
        byte[] tenMiB = pngOfSize(10 * 1024 * 1024);
        upload(client, first, tenMiB).then().statusCode(201);
        upload(client, second, tenMiB).then().statusCode(201);
        upload(Api.token(TOM), second, tenMiB).then().statusCode(201);
        Response refused = upload(client, first, Fixtures.png());
        Problems.assertProblem(refused, 429, "too-many-requests");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 86400L);
        assertThat(Db.count("select count(*) from attachment a join ticket t on t.id = a.ticket_id where t.organization_id = ?",
                UUID.fromString(org))).isEqualTo(3);
        // Another organization is not affected.
        String acmeTicket = Fixtures.clientTicket(ANA, Fixtures.unique("Unaffected"), "LOW").getString("id");
        upload(Api.token(ANA), acmeTicket, Fixtures.png()).then().statusCode(201);
    }

    @Test
    void aClientAddsAtMostThirtyCommentsToATicketPerHour() {
        String id = Fixtures.clientTicket(ANA, Fixtures.unique("Chatty"), "LOW").getString("id");
        for (int i = 0; i < 30; i++) {
            as(ANA).body(Map.of("body", "Any news? " + i)).post("/api/v1/tickets/" + id + "/comments").then().statusCode(201);
        }
        Response refused = as(Api.BEN).body(Map.of("body", "Me too")).post("/api/v1/tickets/" + id + "/comments");
        Problems.assertProblem(refused, 429, "too-many-requests");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3601L);
        // Staff are not limited, and other tickets are not affected.
        as(TOM).body(Map.of("body", "We are on it")).post("/api/v1/tickets/" + id + "/comments").then().statusCode(201);
        String other = Fixtures.clientTicket(ANA, Fixtures.unique("Quiet"), "LOW").getString("id");
        as(ANA).body(Map.of("body", "Hello")).post("/api/v1/tickets/" + other + "/comments").then().statusCode(201);
    }

    @Test
    void aTicketIsEscalatedOncePerLevelAndSupervisorsAreMailedOnce() {
        JsonPath ticket = Fixtures.clientTicket(ANA, Fixtures.unique("Escalated once"), "LOW");
        String id = ticket.getString("id");
        String url = "/api/v1/tickets/" + id + "/escalations";
        as(ANA).body(Map.of("reason", "Nobody answers")).post(url).then().statusCode(201);
        Problems.assertProblem(as(ANA).body(Map.of("reason", "Still nobody")).post(url), 409, "conflict");
        Problems.assertProblem(as(Api.BEN).body(Map.of("reason", "Me neither")).post(url), 409, "conflict");
        assertThat(Db.count("select count(*) from escalation where ticket_id = ?", UUID.fromString(id))).isEqualTo(1);
        // The supervisors' e-mail is one outbox row, written with the escalation (notify/OutboxTest delivers rows).
        assertThat(mailsAbout(id)).isEqualTo(1);
        // Once a supervisor closed it, the next escalation is the next level.
        String escalation = as(SAM).get(url).jsonPath().getString("[0].id");
        as(SAM).post("/api/v1/escalations/" + escalation + "/close").then().statusCode(200);
        as(ANA).body(Map.of("reason", "Broken again")).post(url).then().statusCode(201)
                .body("level", org.hamcrest.Matchers.equalTo(2));
    }

    private long mailsAbout(String ticketId) {
        return Db.count("select count(*) from notification where ticket_id = ? and recipient = ? and kind = ?",
                UUID.fromString(ticketId), "supervisors@eclipsesol.org", "ESCALATION_RAISED");
    }
}
