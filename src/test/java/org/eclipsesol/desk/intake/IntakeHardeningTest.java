package org.eclipsesol.desk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.eclipsesol.desk.support.Api;
import org.eclipsesol.desk.support.Db;
import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.Problems;
import org.eclipsesol.desk.support.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** E-mail intake trusts only authenticated, human mail that fits the columns (issue 8, point 12). */
@QuarkusTest
class IntakeHardeningTest {

    private static RequestSpecification gateway() {
        return Api.withToken(Tokens.gateway());
    }

    private static Map<String, Object> mail(String from, String subject) {
        Map<String, Object> m = new HashMap<>();
        m.put("messageId", "<" + UUID.randomUUID() + "@mail.acme.example>");
        m.put("from", from);
        m.put("subject", subject);
        m.put("text", "Hello from the mail gateway.");
        m.put("authenticated", true);
        return m;
    }

    private static int tickets(String marker) {
        return as(TOM).queryParam("q", marker).get("/api/v1/tickets").then().statusCode(200).extract().jsonPath()
                .getList("items").size();
    }

    private static long stored(Map<String, Object> m) {
        return Db.count("select count(*) from intake_message where message_id = ?", m.get("messageId"));
    }

    @Test
    void mailThatFailedSenderAuthenticationIsRefusedAndChangesNothing() {
        Fixtures.acme();
        for (Object verdict : new Object[] { false, null }) {
            String marker = Fixtures.unique("Spoofed");
            Map<String, Object> m = mail("ana@acme.example", marker);
            m.put("authenticated", verdict);
            Problems.assertProblem(gateway().body(m).post("/api/v1/intake/email"), 422, "unprocessable");
            assertThat(tickets(marker)).isZero();
            assertThat(stored(m)).isZero();
        }
    }

    @Test
    void autoRepliesAndBouncesAreAcceptedAndChangeNothing() {
        Fixtures.acme();
        String number = Fixtures.clientTicket(ANA, Fixtures.unique("Looping"), "LOW").getString("number");
        String id = as(ANA).queryParam("q", number).get("/api/v1/tickets").then().extract().path("items[0].id");
        Map<String, String> before = Db.ticketState(id);
        for (String header : new String[] { "auto-replied", "auto-generated",
                "Auto-Replied; owner-email=\"x@acme.example\"" }) {
            Map<String, Object> reply = mail("ana@acme.example", "Re: [" + number + "] Out of office");
            reply.put("autoSubmitted", header);
            gateway().body(reply).post("/api/v1/intake/email").then().statusCode(202).body("outcome", equalTo("IGNORED"));
            assertThat(stored(reply)).isZero();
            String marker = Fixtures.unique("Bounce");
            Map<String, Object> fresh = mail("ana@acme.example", marker);
            fresh.put("autoSubmitted", header);
            gateway().body(fresh).post("/api/v1/intake/email").then().statusCode(202);
            assertThat(tickets(marker)).isZero();
        }
        assertThat(Db.ticketState(id)).isEqualTo(before);
        // "no" is a person writing.
        Map<String, Object> human = mail("ana@acme.example", "Re: [" + number + "] thanks");
        human.put("autoSubmitted", "no");
        gateway().body(human).post("/api/v1/intake/email").then().statusCode(200).body("outcome", equalTo("COMMENT_ADDED"));
    }

    @Test
    void fieldsLongerThanTheirColumnsAreViolations() {
        Fixtures.acme();
        String longAddress = "a".repeat(380) + "@acme.example";
        Problems.assertViolations(gateway().body(mail(longAddress, "long")).post("/api/v1/intake/email"), "from");
        String longName = "N".repeat(300) + " <ana@acme.example>";
        Problems.assertViolations(gateway().body(mail(longName, "long name")).post("/api/v1/intake/email"), "from");
    }

    @Test
    void receivedAtHasTheSameFloorAsOpenedAt() {
        Fixtures.acme();
        String marker = Fixtures.unique("Ancient");
        Map<String, Object> m = mail("ana@acme.example", marker);
        m.put("receivedAt", "1970-01-01T00:00:00Z");
        Problems.assertViolations(gateway().body(m).post("/api/v1/intake/email"), "receivedAt");
        assertThat(tickets(marker)).isZero();
    }

    @Test
    void escalateCountsOnlyAsTheFirstWordOfTheSubject() {
        Fixtures.acme();
        String number = Fixtures.clientTicket(ANA, Fixtures.unique("Calm"), "LOW").getString("number");
        String id = as(ANA).queryParam("q", number).get("/api/v1/tickets").then().extract().path("items[0].id");
        gateway().body(mail("ana@acme.example", "Re: [" + number + "] no need to escalate, it works now"))
                .post("/api/v1/intake/email").then().statusCode(200).body("outcome", equalTo("COMMENT_ADDED"));
        as(ANA).get("/api/v1/tickets/" + id).then().body("escalated", equalTo(false));
        gateway().body(mail("ana@acme.example", "RE: Fwd: [" + number + "] Escalate: broken again"))
                .post("/api/v1/intake/email").then().statusCode(200).body("outcome", equalTo("ESCALATED"));
        as(ANA).get("/api/v1/tickets/" + id).then().body("escalated", equalTo(true));
    }
}
