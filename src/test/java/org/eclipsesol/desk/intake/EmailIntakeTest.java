package org.eclipsesol.desk.intake;

import static io.restassured.RestAssured.given;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipsesol.desk.support.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Inbound e-mail through the intake endpoint, as the mail gateway (client-credentials token). */
@QuarkusTest
class EmailIntakeTest {

    private static String gatewayToken;

    @BeforeAll
    static void fetchGatewayToken() {
        gatewayToken = org.eclipsesol.desk.support.Tokens.gateway();
    }

    private static RequestSpecification gateway() {
        return given().auth().oauth2(gatewayToken).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    private static Map<String, Object> mail(String from, String subject, String text) {
        Map<String, Object> m = new HashMap<>();
        m.put("messageId", "<" + UUID.randomUUID() + "@mail.acme.example>");
        m.put("from", from);
        m.put("subject", subject);
        m.put("text", text);
        m.put("authenticated", true);
        return m;
    }

    private static int ticketCount(String marker) {
        return as(TOM).queryParam("q", marker).queryParam("limit", 100).get("/api/v1/tickets").then().statusCode(200)
                .extract().jsonPath().getList("items").size();
    }

    @Test
    void knownSenderOpensAnEmailTicketAndTheSameMessageIdTwiceChangesNothing() {
        Fixtures.acme();
        String marker = "Mail-" + UUID.randomUUID();
        Map<String, Object> m = mail("Ana Alvarez <Ana@Acme.example>", marker + " scanner jams", "It jams on every page.");
        String id = gateway().body(m).post("/api/v1/intake/email").then().statusCode(201)
                .body("outcome", equalTo("TICKET_OPENED"))
                .body("duplicate", equalTo(false))
                .body("ticketNumber", startsWith("T-"))
                .extract().path("ticketId");
        as(ANA).get("/api/v1/tickets/" + id).then().statusCode(200)
                .body("channel", equalTo("EMAIL"))
                .body("requester.email", equalTo("ana@acme.example"))
                .body("title", equalTo(marker + " scanner jams"))
                .body("organization.name", equalTo(Fixtures.ACME));

        gateway().body(m).post("/api/v1/intake/email").then().statusCode(200)
                .body("duplicate", equalTo(true))
                .body("ticketId", equalTo(id));
        org.assertj.core.api.Assertions.assertThat(ticketCount(marker)).isEqualTo(1);
    }

    @Test
    void aReferenceInTheSubjectCommentsAndEscalateEscalates() {
        String number = Fixtures.clientTicket(ANA, "Mail thread " + UUID.randomUUID(), "LOW").getString("number");
        String id = as(ANA).queryParam("q", number).get("/api/v1/tickets").then().extract().path("items[0].id");
        gateway().body(mail("ana@acme.example", "Re: [" + number + "] more details", "Here is the log you asked for."))
                .post("/api/v1/intake/email").then().statusCode(200)
                .body("outcome", equalTo("COMMENT_ADDED"));
        as(ANA).get("/api/v1/tickets/" + id + "/comments").then().statusCode(200)
                .body("items.body", hasItem("Here is the log you asked for."));

        gateway().body(mail("ana@acme.example", "ESCALATE [" + number + "] still broken", "Nobody called back."))
                .post("/api/v1/intake/email").then().statusCode(200)
                .body("outcome", equalTo("ESCALATED"));
        as(ANA).get("/api/v1/tickets/" + id).then().body("escalated", equalTo(true))
                .body("escalation.level", equalTo(1))
                .body("escalation.source", equalTo("EMAIL"))
                .body("escalation.status", equalTo("OPEN"));
        as(ANA).get("/api/v1/tickets/" + id + "/escalations").then().body("source", hasItem("EMAIL"));
    }

    @Test
    void unknownSenderIsRefusedAndNothingChanges() {
        String marker = "Stranger-" + UUID.randomUUID();
        gateway().body(mail("someone@unknown-domain.example", marker, "hello")).post("/api/v1/intake/email").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://support-desk.eclipsesol.org/problems/unprocessable"));
        org.assertj.core.api.Assertions.assertThat(ticketCount(marker)).isZero();
    }

    @Test
    void aReferenceToAnotherOrganizationsTicketIsRefused() {
        Fixtures.globex();
        String number = Fixtures.clientTicket(org.eclipsesol.desk.support.Api.CARLA, "Globex only " + UUID.randomUUID(), "LOW")
                .getString("number");
        gateway().body(mail("ana@acme.example", "[" + number + "] hi", "peeking")).post("/api/v1/intake/email").then()
                .statusCode(422);
        as(TOM).queryParam("q", number).get("/api/v1/tickets").then()
                .body("items[0].escalated", equalTo(false));
    }

    @Test
    void onlyTheMailGatewayMayPost() {
        as(ANA).body(mail("ana@acme.example", "x", "y")).post("/api/v1/intake/email").then().statusCode(403);
        as(TOM).body(mail("ana@acme.example", "x", "y")).post("/api/v1/intake/email").then().statusCode(403);
        given().contentType(ContentType.JSON).body(mail("ana@acme.example", "x", "y")).post("/api/v1/intake/email").then()
                .statusCode(401);
    }

    @Test
    void missingFieldsAreViolations() {
        gateway().body(Map.of("subject", "no sender")).post("/api/v1/intake/email").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItems("messageId", "from"));
        gateway().body(mail("not an address", "x", "y")).post("/api/v1/intake/email").then().statusCode(400)
                .body("violations.field", equalTo(List.of("from")));
    }
}
