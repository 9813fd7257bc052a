package org.eclipsesol.desk.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.as;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.internet.MimeMessage;

import org.eclipsesol.desk.notify.app.NotificationWorker;
import org.eclipsesol.desk.support.Db;
import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.Outboxes;
import org.eclipsesol.desk.support.SmtpServer;
import org.eclipsesol.desk.support.SqlStatements;
import org.eclipsesol.desk.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * The outbox (issue 11, point 1-2): rows written in the transaction of the change, delivered once by concurrent
 * workers, retried with backoff, FAILED after the last attempt, visible and retryable by supervisors, metrics.
 */
@QuarkusTest
class OutboxTest {

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @AfterEach
    void smtpRuns() {
        SmtpServer.startServer();
    }

    private static List<Map<String, String>> rows(String ticketId) {
        return Db.rows("select kind, recipient, status, attempts, last_error, message_id from notification"
                + " where ticket_id = ? order by seq", UUID.fromString(ticketId));
    }

    @Test
    void theRowIsWrittenWithTheChangeAndARefusedChangeWritesNone() {
        JsonPath ticket = Fixtures.clientTicket(ANA, Fixtures.unique("Outbox row"), "LOW");
        String id = ticket.getString("id");
        // Written by the request itself (no worker involved yet): the acknowledgement to the requester.
        assertThat(rows(id)).extracting(r -> r.get("kind") + " " + r.get("recipient"))
                .contains("ACKNOWLEDGEMENT " + ANA);
        int before = rows(id).size();
        // A refused change (clients may not assign) rolls back and leaves no row.
        as(ANA).body(Map.of("assigneeId", TOM)).patch("/api/v1/tickets/" + id).then().statusCode(403);
        // A repeated escalation is refused (409) and e-mails nobody.
        String url = "/api/v1/tickets/" + id + "/escalations";
        as(ANA).body(Map.of("reason", "Nobody answers")).post(url).then().statusCode(201);
        as(ANA).body(Map.of("reason", "Again")).post(url).then().statusCode(409);
        assertThat(rows(id)).filteredOn(r -> r.get("kind").equals("ESCALATION_RAISED")).hasSize(1);
        assertThat(rows(id).size()).isEqualTo(before + 1);
        Outboxes.drain(id);
        assertThat(rows(id)).allMatch(r -> r.get("status").equals("SENT"));
        assertThat(Outboxes.mailsTo("supervisors@eclipsesol.org", ticket.getString("number"))).hasSize(1);
    }

    @Test
    void concurrentWorkersDeliverEachRowExactlyOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            JsonPath t = Fixtures.clientTicket(ANA, Fixtures.unique("Concurrent outbox " + i), "LOW");
            ids.add(t.getString("id"));
            numbers.add(t.getString("number"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(() -> Outboxes.worker().runOnce());
            }
            for (Future<Integer> f : pool.invokeAll(runs)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        for (int i = 0; i < ids.size(); i++) {
            Outboxes.drain(ids.get(i));
            assertThat(rows(ids.get(i))).allMatch(r -> r.get("status").equals("SENT") && r.get("attempts").equals("1"));
            assertThat(Outboxes.mailsTo(ANA, numbers.get(i))).as(numbers.get(i)).hasSize(1);
        }
    }

    @Test
    void aFailedAttemptIsRetriedWithBackoffThenFailsAndASupervisorRetriesIt() {
        SmtpServer.stopServer();
        JsonPath ticket = Fixtures.clientTicket(ANA, Fixtures.unique("SMTP down"), "LOW");
        String id = ticket.getString("id");
        Instant attemptedAt = TestClock.now();
        Outboxes.worker().runOnce();
        Map<String, String> row = Db.rows("select status, attempts, last_error, next_attempt_at from notification"
                + " where ticket_id = ? and kind = 'ACKNOWLEDGEMENT'", UUID.fromString(id)).get(0);
        assertThat(row.get("status")).isEqualTo("PENDING");
        assertThat(Integer.parseInt(row.get("attempts"))).isGreaterThanOrEqualTo(1);
        assertThat(row.get("last_error")).isNotBlank();
        // The first retry comes within 10 s (5 s with 20 % jitter); exponential afterwards.
        Instant next = Instant.parse(Db.rows("select to_char(next_attempt_at at time zone 'UTC',"
                + " 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') as t from notification where ticket_id = ? and kind = 'ACKNOWLEDGEMENT'",
                UUID.fromString(id)).get(0).get("t"));
        assertThat(next).isAfter(attemptedAt).isBefore(TestClock.now().plusSeconds(10 * 8));
        // The last attempt fails the row with its error.
        Db.update("update notification set attempts = 7 where ticket_id = ?", UUID.fromString(id));
        TestClock.advance(Duration.ofHours(2));
        Outboxes.worker().runOnce();
        String notification = as(SAM).get("/api/v1/notifications?status=FAILED&ticketId=" + id).then().statusCode(200)
                .extract().jsonPath().getString("items[0].id");
        JsonPath failed = as(SAM).get("/api/v1/notifications/" + notification).jsonPath();
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getInt("attempts")).isEqualTo(8);
        assertThat(failed.getString("lastError")).isNotBlank();
        assertThat(failed.getString("channel")).isEqualTo("EMAIL");
        assertThat(failed.getString("event")).isEqualTo("ACKNOWLEDGEMENT");
        assertThat(failed.getString("recipient")).isEqualTo(ANA);
        assertThat(failed.getString("subject")).isEqualTo("[" + ticket.getString("number") + "] " + ticket.getString("title"));
        // Only supervisors see the outbox or retry.
        as(TOM).get("/api/v1/notifications").then().statusCode(403);
        as(TOM).post("/api/v1/notifications/" + notification + "/retry").then().statusCode(403);
        SmtpServer.startServer();
        as(SAM).post("/api/v1/notifications/" + notification + "/retry").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("PENDING"));
        as(SAM).post("/api/v1/notifications/" + notification + "/retry").then().statusCode(409);
        Outboxes.drain(id);
        assertThat(as(SAM).get("/api/v1/notifications/" + notification).jsonPath().getString("status")).isEqualTo("SENT");
        assertThat(Outboxes.mailsTo(ANA, ticket.getString("number"))).hasSize(1);
    }

    @Test
    void theClaimWalksPastPagesOfWaitingNoticesAndKeepsEachThreadInOrder() {
        // No delivery succeeds meanwhile (nor the scheduled run's): what the worker tried shows in attempts.
        SmtpServer.stopServer();
        JsonPath held = Fixtures.clientTicket(ANA, Fixtures.unique("Held thread"), "LOW");
        UUID heldId = UUID.fromString(held.getString("id"));
        // The acknowledgement waits for a retry: the thread's later notices wait behind it.
        Db.update("update notification set next_attempt_at = '2999-01-01T00:00:00Z' where ticket_id = ?", heldId);
        // More waiting notices of other threads than one page of the claim's walk holds.
        String marker = "walk-" + UUID.randomUUID() + "@example.invalid";
        Db.update("insert into notification (id, channel, kind, recipient, ticket_id, status, next_attempt_at,"
                + " created_at) select gen_random_uuid(), 'EMAIL', 'ACKNOWLEDGEMENT', ?, gen_random_uuid(), 'PENDING',"
                + " '2999-01-01T00:00:00Z', now() from generate_series(1, ?)", marker, NotificationWorker.SCAN_PAGE + 100);
        try {
            as(TOM).body(Map.of("body", "Behind the acknowledgement")).post("/api/v1/tickets/" + heldId + "/comments")
                    .then().statusCode(201);
            JsonPath behind = Fixtures.clientTicket(ANA, Fixtures.unique("Behind a page"), "LOW");
            Outboxes.worker().runOnce();
            // Due and first of its thread, a page past the waiting ones: tried.
            assertThat(rows(behind.getString("id"))).extracting(r -> r.get("attempts")).doesNotContain("0");
            // Due too, but its thread's earlier notice, pages before it, waits: never tried.
            assertThat(rows(held.getString("id"))).extracting(r -> r.get("kind") + " " + r.get("status"))
                    .containsExactly("ACKNOWLEDGEMENT PENDING", "STAFF_COMMENT PENDING");
            assertThat(rows(held.getString("id")).get(1).get("attempts")).isEqualTo("0");
            SmtpServer.startServer();
            Db.update("update notification set next_attempt_at = ? where ticket_id = ?",
                    TestClock.now().atOffset(ZoneOffset.UTC), heldId);
            Outboxes.drain(held.getString("id"));
            List<MimeMessage> mails = Outboxes.mailsTo(ANA, held.getString("number"));
            assertThat(mails.stream().map(m -> Outboxes.header(m, "Message-ID")).toList())
                    .isEqualTo(rows(held.getString("id")).stream().map(r -> r.get("message_id")).toList());
            assertThat(Outboxes.raw(mails.get(1))).contains("Behind the acknowledgement");
        } finally {
            Db.update("delete from notification where recipient = ?", marker);
        }
    }

    @Test
    void aBatchReadsTheTicketsItRendersInOneStatement() {
        int[] delivered = new int[2];
        long two = SqlStatements.preparedOnce(() -> tickets(2), () -> delivered[0] = Outboxes.worker().runOnce());
        long six = SqlStatements.preparedOnce(() -> tickets(6), () -> delivered[1] = Outboxes.worker().runOnce());
        assertThat(delivered[1]).isGreaterThan(delivered[0]);
        // Each further notice costs its own update only: no read of its ticket, organization or assignee.
        assertThat(six - two).isEqualTo(delivered[1] - delivered[0]);
    }

    private static void tickets(int count) {
        for (int i = 0; i < count; i++) {
            Fixtures.clientTicket(ANA, Fixtures.unique("Batch read " + i), "LOW");
        }
    }

    @Test
    void smtpDownThenUpEveryNoticeArrivesOnceInOrder() throws Exception {
        JsonPath ticket = Fixtures.clientTicket(ANA, Fixtures.unique("Down and up"), "LOW");
        String id = ticket.getString("id");
        String number = ticket.getString("number");
        Outboxes.drain(id);
        SmtpServer.stopServer();
        List<String> bodies = List.of("First answer", "Second answer", "Third answer");
        for (String body : bodies) {
            as(TOM).body(Map.of("body", body)).post("/api/v1/tickets/" + id + "/comments").then().statusCode(201);
            Outboxes.worker().runOnce();
        }
        assertThat(Db.count("select count(*) from notification where ticket_id = ? and kind = 'STAFF_COMMENT'"
                + " and status = 'PENDING'", UUID.fromString(id))).isEqualTo(3);
        // A new server: it has received nothing yet.
        SmtpServer.startServer();
        Outboxes.drain(id);
        List<MimeMessage> mails = Outboxes.mailsTo(ANA, number);
        assertThat(mails).hasSize(3);
        for (int i = 0; i < bodies.size(); i++) {
            assertThat(Outboxes.raw(mails.get(i))).contains(bodies.get(i));
        }
        List<String> ids = rows(id).stream().filter(r -> r.get("kind").equals("STAFF_COMMENT"))
                .map(r -> r.get("message_id")).toList();
        assertThat(mails.stream().map(m -> Outboxes.header(m, "Message-ID")).toList()).isEqualTo(ids);
    }

    @Test
    void metricsShowTheOutbox() {
        Outboxes.worker().runOnce();
        String text = RestAssured.given().get(metrics).then().statusCode(200).extract().asString();
        assertThat(text).contains("desk_notifications_queued", "desk_notifications_failed",
                "desk_notifications_oldest_due_seconds", "desk_notifications_sent_total");
    }
}
