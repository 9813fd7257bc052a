package org.eclipsesol.desk.notify;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.BEN;
import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.eclipsesol.desk.support.Db;
import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.Outboxes;
import org.eclipsesol.desk.support.TestClock;
import org.eclipsesol.desk.support.Tokens;
import org.eclipsesol.desk.ticket.app.TicketLifecycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * E-mail notices through a real SMTP server (issue 11, points 3-6): who gets what, the threading headers, that
 * internal notes never reach a client, replies threading back through the intake, and opt-outs.
 */
@QuarkusTest
class NoticeMailTest {

    @Inject
    TicketLifecycle lifecycle;

    @Inject
    org.eclipsesol.desk.ticket.app.SlaMonitor monitor;

    @AfterEach
    void cleanUp() {
        TestClock.reset();
        as(ANA).body(Map.of("optedOut", List.of())).put("/api/v1/me/notifications").then().statusCode(200);
        as(BEN).body(Map.of("optedOut", List.of())).put("/api/v1/me/notifications").then().statusCode(200);
    }

    private static RequestSpecification gateway() {
        return given().auth().oauth2(Tokens.gateway()).contentType(ContentType.JSON).accept(ContentType.JSON);
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

    private static String patch(String who, String id, Map<String, Object> body) {
        return as(who).body(body).patch("/api/v1/tickets/" + id).then().statusCode(200).extract().asString();
    }

    @Test
    void theRequesterHearsOfEachPublicStepNeverOfAnInternalNoteAndTheNoticesThread() {
        String title = Fixtures.unique("Printer offline");
        JsonPath ticket = Fixtures.clientTicket(ANA, title, "MEDIUM");
        String id = ticket.getString("id");
        String number = ticket.getString("number");
        patch(SAM, id, Map.of("assigneeId", TOM));
        as(TOM).body(Map.of("body", "SECRET-NOTE the client's admin password is on a sticky note", "internal", true))
                .post("/api/v1/tickets/" + id + "/comments").then().statusCode(201);
        as(TOM).body(Map.of("body", "Could you restart the printer?")).post("/api/v1/tickets/" + id + "/comments").then()
                .statusCode(201);
        patch(TOM, id, Map.of("status", "WAITING_ON_CLIENT"));
        as(ANA).body(Map.of("body", "Restarted, still offline.")).post("/api/v1/tickets/" + id + "/comments").then()
                .statusCode(201);
        patch(TOM, id, Map.of("status", "RESOLVED"));
        Outboxes.drain(id);

        List<MimeMessage> toAna = Outboxes.mailsTo(ANA, number);
        assertThat(toAna).extracting(Outboxes::raw).noneMatch(raw -> raw.contains("SECRET-NOTE") || raw.contains("sticky"));
        assertThat(toAna).hasSize(4);
        String ack = Outboxes.raw(toAna.get(0));
        assertThat(ack).contains("We received your request", number, "A technician will respond by", "text/html",
                "reply to this e-mail");
        assertThat(Outboxes.raw(toAna.get(1))).contains("Could you restart the printer?");
        assertThat(Outboxes.raw(toAna.get(2))).contains("We need your input");
        assertThat(Outboxes.raw(toAna.get(3))).contains("has been resolved", "within 7 days");
        for (MimeMessage m : toAna) {
            assertThat(Outboxes.header(m, "Subject")).isEqualTo("[" + number + "] " + title);
            assertThat(Outboxes.header(m, "Auto-Submitted")).isEqualTo("auto-replied");
            assertThat(Outboxes.header(m, "Reply-To")).isEqualTo("support@eclipsesol.org");
            assertThat(Outboxes.header(m, "Message-ID"))
                    .matches("<[0-9a-f-]{36}\\." + number + "@support-desk\\.eclipsesol\\.org>");
        }
        // Each notice replies to the one before it and references the first.
        String first = Outboxes.header(toAna.get(0), "Message-ID");
        assertThat(Outboxes.header(toAna.get(0), "In-Reply-To")).isNull();
        for (int i = 1; i < toAna.size(); i++) {
            assertThat(Outboxes.header(toAna.get(i), "In-Reply-To")).isEqualTo(Outboxes.header(toAna.get(i - 1), "Message-ID"));
            assertThat(Outboxes.header(toAna.get(i), "References")).startsWith(first)
                    .endsWith(Outboxes.header(toAna.get(i - 1), "Message-ID"));
        }
        // The assignee: the assignment (by a supervisor) and the client's comment; never told of their own note.
        List<MimeMessage> toTom = Outboxes.mailsTo(TOM, number);
        assertThat(toTom).hasSize(2);
        assertThat(Outboxes.raw(toTom.get(0))).contains("was assigned to you");
        assertThat(Outboxes.raw(toTom.get(1))).contains("Restarted, still offline.");

        // Seven days later the ticket closes by itself, and the requester is told.
        TestClock.advance(TicketLifecycle.REOPEN_WINDOW.plusHours(1));
        lifecycle.closeExpiredResolutions();
        Outboxes.drain(id);
        List<MimeMessage> after = Outboxes.mailsTo(ANA, number);
        assertThat(after).hasSize(5);
        assertThat(Outboxes.raw(after.get(4))).contains("closed automatically");
    }

    @Test
    void aReplyToANoticeThreadsByItsHeadersAndAnAutoReplyIsIgnored() {
        JsonPath ticket = Fixtures.clientTicket(ANA, Fixtures.unique("Threaded reply"), "LOW");
        String id = ticket.getString("id");
        Outboxes.drain(id);
        String ack = Db.rows("select message_id from notification where ticket_id = ? and kind = 'ACKNOWLEDGEMENT'",
                UUID.fromString(id)).get(0).get("message_id");
        // No [T-n] in the subject: In-Reply-To alone finds the ticket.
        Map<String, Object> reply = mail("ana@acme.example", "Re: your message", "Here is the serial number.");
        reply.put("inReplyTo", ack);
        gateway().body(reply).post("/api/v1/intake/email").then().statusCode(200)
                .body("outcome", equalTo("COMMENT_ADDED")).body("ticketId", equalTo(id));
        // References too (the newest of ours counts), when In-Reply-To is someone else's.
        Map<String, Object> viaRefs = mail("ana@acme.example", "Re: Re: your message", "And the model.");
        viaRefs.put("inReplyTo", "<something@mail.acme.example>");
        viaRefs.put("references", List.of(ack, "<something@mail.acme.example>"));
        gateway().body(viaRefs).post("/api/v1/intake/email").then().statusCode(200)
                .body("outcome", equalTo("COMMENT_ADDED")).body("ticketId", equalTo(id));
        // An auto-responder answering our notice (Auto-Submitted) changes nothing: no loop.
        Map<String, Object> auto = mail("ana@acme.example", "Out of office", "I am away.");
        auto.put("inReplyTo", ack);
        auto.put("autoSubmitted", "auto-replied");
        gateway().body(auto).post("/api/v1/intake/email").then().statusCode(202).body("outcome", equalTo("IGNORED"));
        assertThat(as(TOM).get("/api/v1/tickets/" + id + "/comments").jsonPath().getList("items")).hasSize(2);
        // Another organization's client cannot thread into this ticket with our message id.
        Map<String, Object> foreign = mail("carla@globex.example", "Re: your message", "Let me in.");
        foreign.put("inReplyTo", ack);
        Fixtures.globex();
        gateway().body(foreign).post("/api/v1/intake/email").then().statusCode(422);
    }

    @Test
    void optOutsAreHonouredExceptTheEssentialNoticesOfEmailTickets() {
        as(ANA).get("/api/v1/me/notifications").then().statusCode(200).body("optedOut.size()", equalTo(0));
        // Before the change ANA is acknowledged (and the replica now remembers that she opted out of nothing).
        JsonPath before = Fixtures.clientTicket(ANA, Fixtures.unique("Loud please"), "LOW");
        assertThat(Db.count("select count(*) from notification where ticket_id = ? and recipient = ? and kind = ?",
                UUID.fromString(before.getString("id")), ANA, "ACKNOWLEDGEMENT")).isEqualTo(1);
        as(ANA).body(Map.of("optedOut", List.of("SUPERVISORS_ONLY"))).put("/api/v1/me/notifications").then().statusCode(400);
        as(ANA).body(Map.of("optedOut", List.of("SLA_ALERT"))).put("/api/v1/me/notifications").then().statusCode(400);
        as(ANA).body(Map.of("optedOut", List.of("ACKNOWLEDGEMENT", "STAFF_COMMENT", "WAITING_ON_CLIENT")))
                .put("/api/v1/me/notifications").then().statusCode(200).body("optedOut.size()", equalTo(3));
        as(ANA).get("/api/v1/me/notifications").then().statusCode(200).body("optedOut.size()", equalTo(3));
        // A portal ticket: nothing is sent to ANA.
        JsonPath portal = Fixtures.clientTicket(ANA, Fixtures.unique("Quiet please"), "LOW");
        as(TOM).body(Map.of("body", "On it.")).post("/api/v1/tickets/" + portal.getString("id") + "/comments").then()
                .statusCode(201);
        patch(TOM, portal.getString("id"), Map.of("status", "WAITING_ON_CLIENT"));
        assertThat(Db.count("select count(*) from notification where ticket_id = ? and recipient = ?",
                UUID.fromString(portal.getString("id")), ANA)).isZero();
        // An e-mail ticket: the acknowledgement and "we need your input" come anyway, the comment does not.
        String marker = Fixtures.unique("Mailed in");
        String id = gateway().body(mail("ana@acme.example", marker, "Scanner broken")).post("/api/v1/intake/email").then()
                .statusCode(201).extract().jsonPath().getString("ticketId");
        as(TOM).body(Map.of("body", "Looking.")).post("/api/v1/tickets/" + id + "/comments").then().statusCode(201);
        patch(TOM, id, Map.of("status", "WAITING_ON_CLIENT"));
        assertThat(Db.rows("select kind from notification where ticket_id = ? and recipient = ? order by seq",
                UUID.fromString(id), ANA)).extracting(r -> r.get("kind"))
                .containsExactly("ACKNOWLEDGEMENT", "WAITING_ON_CLIENT");
    }

    @Test
    void aCriticalTicketOutsideBusinessHoursAlertsTheTechniciansQueue() {
        // The next Saturday noon in Denver, wherever the test clock started (it only moves forward).
        TestClock.set(TestClock.now().atZone(ZoneId.of("America/Denver")).with(TemporalAdjusters.next(DayOfWeek.SATURDAY))
                .withHour(12).truncatedTo(ChronoUnit.HOURS).toInstant());
        JsonPath ticket = Fixtures.clientTicket(ANA, Fixtures.unique("Server down"), "CRITICAL");
        JsonPath medium = Fixtures.clientTicket(ANA, Fixtures.unique("Not urgent"), "MEDIUM");
        Outboxes.drain(ticket.getString("id"));
        assertThat(Outboxes.mailsTo("technicians@eclipsesol.org", ticket.getString("number"))).hasSize(1)
                .allMatch(m -> Outboxes.raw(m).contains("outside business hours"));
        assertThat(Db.count("select count(*) from notification where ticket_id = ? and recipient = ?",
                UUID.fromString(medium.getString("id")), "technicians@eclipsesol.org")).isZero();
    }

    @Test
    void anAcknowledgedEscalationIsAnnouncedToTheRequester() {
        JsonPath ticket = Fixtures.clientTicket(ANA, Fixtures.unique("Escalate me"), "LOW");
        String id = ticket.getString("id");
        String escalation = as(ANA).body(Map.of("reason", "Too slow")).post("/api/v1/tickets/" + id + "/escalations").then()
                .statusCode(201).extract().jsonPath().getString("id");
        as(SAM).post("/api/v1/escalations/" + escalation + "/acknowledge").then().statusCode(200);
        Outboxes.drain(id);
        assertThat(Outboxes.mailsTo(ANA, ticket.getString("number"))).extracting(Outboxes::raw)
                .anyMatch(raw -> raw.contains("acknowledged the escalation"));
        assertThat(Outboxes.mailsTo("supervisors@eclipsesol.org", ticket.getString("number"))).extracting(Outboxes::raw)
                .anyMatch(raw -> raw.contains("was escalated (level 1)") && raw.contains("Too slow"));
    }

    @Test
    void supervisorsAreMailedAboutSlaAlertsThroughTheOutbox() {
        // CRITICAL: 1 h response on the 24/7 clock, AT_RISK at 75 %.
        JsonPath ticket = Fixtures.clientTicket(ANA, Fixtures.unique("Alerting"), "CRITICAL");
        String id = ticket.getString("id");
        TestClock.advance(java.time.Duration.ofMinutes(50));
        monitor.runOnce();
        assertThat(Db.rows("select kind, ref from notification where ticket_id = ? and recipient = ? order by seq",
                UUID.fromString(id), "supervisors@eclipsesol.org")).extracting(r -> r.get("kind") + " " + r.get("ref"))
                .contains("SLA_ALERT RESPONSE:AT_RISK");
        Outboxes.drain(id);
        assertThat(Outboxes.mailsTo("supervisors@eclipsesol.org", ticket.getString("number"))).extracting(Outboxes::raw)
                .anyMatch(raw -> raw.contains("the response target is AT_RISK"));
    }

    @Test
    void noticesWrittenInOneTransactionThreadOneAfterAnother() {
        // Past the CRITICAL response target at once: one monitor transaction records AT_RISK and BREACHED, and the
        // supervisors' notices of both chain (the thread is read once per transaction and kept up to date).
        JsonPath ticket = Fixtures.clientTicket(ANA, Fixtures.unique("Threaded in one go"), "CRITICAL");
        UUID id = UUID.fromString(ticket.getString("id"));
        TestClock.advance(java.time.Duration.ofMinutes(70));
        monitor.runOnce();
        List<Map<String, String>> notices = Db.rows(
                "select ref, message_id, in_reply_to, refs from notification where ticket_id = ? and recipient = ?"
                        + " and channel = 'EMAIL' order by seq",
                id, "supervisors@eclipsesol.org");
        assertThat(notices).extracting(r -> r.get("ref")).containsSubsequence("RESPONSE:AT_RISK", "RESPONSE:BREACHED");
        assertThat(notices.get(0).get("in_reply_to")).isNull();
        for (int i = 1; i < notices.size(); i++) {
            assertThat(notices.get(i).get("in_reply_to")).isEqualTo(notices.get(i - 1).get("message_id"));
            assertThat(notices.get(i).get("refs")).startsWith(notices.get(0).get("message_id"));
        }
    }
}
