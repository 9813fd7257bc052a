package org.eclipsesol.desk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.sla.SlaTestSupport.denver;
import static org.eclipsesol.desk.sla.SlaTestSupport.instant;
import static org.eclipsesol.desk.sla.SlaTestSupport.patch;
import static org.eclipsesol.desk.sla.SlaTestSupport.ticket;
import static org.eclipsesol.desk.sla.SlaTestSupport.timeline;
import static org.eclipsesol.desk.sla.SlaTestSupport.unique;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.as;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.TestClock;
import org.eclipsesol.desk.ticket.data.TicketEntity;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The stored SLA columns (used by filters, sorting and the monitor) agree with a recomputation from the
 * ticket's events, for tickets with a rich history; and the check notices when they do not.
 */
@QuarkusTest
class SlaConsistencyTest {

    @Inject
    EntityManager em;

    record Stored(String responseStatus, String resolutionStatus, Instant responseDueAt, Instant resolutionDueAt,
            Instant dueAt, Instant nextCheckAt, boolean frozen) {
    }

    private Stored stored(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TicketEntity t = em.find(TicketEntity.class, UUID.fromString(id));
            return new Stored(t.slaResponseStatus, t.slaResolutionStatus, t.slaResponseDueAt, t.slaResolutionDueAt,
                    t.slaDueAt, t.slaNextCheckAt, t.slaFinal != null);
        });
    }

    private void tamper(String id, String sql) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(sql + " where id = :id")
                .setParameter("id", UUID.fromString(id)).executeUpdate());
    }

    private static String critical(String title, Instant openedAt) {
        return Fixtures.staffTicket(TOM, Fixtures.acme(), ANA, title, "CRITICAL", openedAt).getString("id");
    }

    private static void status(String user, String id, String status) {
        patch(user, id, Map.of("status", status));
    }

    private static void clientComment(String id) {
        as(ANA).body(Map.of("body", "Answer from the client", "internal", false)).post("/api/v1/tickets/" + id + "/comments")
                .then().statusCode(201);
    }

    @Test
    void storedColumnsAgreeWithTheRecomputationFromEvents() {
        Instant now = TestClock.now().truncatedTo(ChronoUnit.SECONDS);
        String tag = unique("Consistency");
        Map<String, String> tickets = new LinkedHashMap<>();

        // 24/7, paused twice, reopened by the client, closed.
        String closed = critical(tag + " closed", now.minus(40, ChronoUnit.MINUTES));
        status(TOM, closed, "WAITING_ON_CLIENT");
        TestClock.advance(Duration.ofMinutes(10));
        clientComment(closed);
        status(TOM, closed, "RESOLVED");
        TestClock.advance(Duration.ofMinutes(10));
        status(ANA, closed, "IN_PROGRESS");
        status(TOM, closed, "WAITING_ON_CLIENT");
        status(TOM, closed, "IN_PROGRESS");
        status(TOM, closed, "RESOLVED");
        status(ANA, closed, "CLOSED");
        tickets.put("closed", closed);

        // Business hours, answered late, paused, resolved and reopened by staff: still open and breached.
        String reopened = Fixtures.staffTicket(TOM, Fixtures.acme(), ANA, tag + " reopened", "MEDIUM",
                denver("2026-11-06T16:00:00")).getString("id");
        status(TOM, reopened, "IN_PROGRESS");
        status(TOM, reopened, "WAITING_ON_CLIENT");
        status(TOM, reopened, "IN_PROGRESS");
        status(TOM, reopened, "RESOLVED");
        status(TOM, reopened, "IN_PROGRESS");
        tickets.put("reopened", reopened);

        // Priority change, override, exclusion set and cleared, then waiting.
        String reworked = Fixtures.staffTicket(TOM, Fixtures.acme(), ANA, tag + " reworked", "HIGH",
                now.minus(3, ChronoUnit.DAYS)).getString("id");
        patch(TOM, reworked, Map.of("priority", "LOW", "reason", "Only one user affected"));
        as(SAM).body(Map.of("resolution", "PT100H", "reason", "Hardware on order")).put(
                "/api/v1/tickets/" + reworked + "/sla/override").then().statusCode(200);
        patch(TOM, reworked, Map.of("exclusion", "OUT_OF_SCOPE", "exclusionNote", "Personal laptop"));
        Map<String, Object> clear = new java.util.HashMap<>();
        clear.put("exclusion", null);
        patch(TOM, reworked, clear);
        status(TOM, reworked, "WAITING_ON_CLIENT");
        tickets.put("reworked", reworked);

        // Cancelled from NEW, and a fresh untouched one.
        String cancelled = critical(tag + " cancelled", now.minus(10, ChronoUnit.MINUTES));
        status(ANA, cancelled, "CANCELLED");
        tickets.put("cancelled", cancelled);
        // Answered by a public staff comment (a client's comment is no response): only the resolution runs.
        String running = critical(tag + " running", now.minus(5, ChronoUnit.MINUTES));
        clientComment(running);
        as(TOM).body(Map.of("body", "We are on it", "internal", false)).post("/api/v1/tickets/" + running + "/comments")
                .then().statusCode(201);
        tickets.put("running", running);

        for (Map.Entry<String, String> entry : tickets.entrySet()) {
            String id = entry.getValue();
            JsonPath timeline = timeline(id);
            Instant evaluatedAt = instant(timeline, "evaluatedAt");
            assertThat(timeline.getBoolean("consistent")).as("consistent: %s", entry.getKey()).isTrue();
            SlaOverrideAndTimelineTest.assertContiguousAndSummed(timeline, "response");
            SlaOverrideAndTimelineTest.assertContiguousAndSummed(timeline, "resolution");

            Stored stored = stored(id);
            JsonPath t = ticket(id);
            assertThat(stored.frozen()).as("frozen: %s", entry.getKey()).isEqualTo(t.getBoolean("sla.frozen"));
            if (stored.frozen()) {
                continue;
            }
            boolean transitionPending = stored.nextCheckAt() != null && !stored.nextCheckAt().isAfter(evaluatedAt);
            if (!transitionPending) {
                assertThat(stored.responseStatus()).as("response status: %s", entry.getKey())
                        .isEqualTo(timeline.getString("response.target.status"));
                assertThat(stored.resolutionStatus()).as("resolution status: %s", entry.getKey())
                        .isEqualTo(timeline.getString("resolution.target.status"));
            }
            assertThat(stored.responseDueAt()).as("response due: %s", entry.getKey())
                    .isEqualTo(instant(timeline, "response.target.dueAt"));
            assertThat(stored.resolutionDueAt()).as("resolution due: %s", entry.getKey())
                    .isEqualTo(instant(timeline, "resolution.target.dueAt"));
        }

        JsonPath closedTicket = ticket(closed);
        assertThat(closedTicket.getString("sla.resolution.status")).isEqualTo("MET");
        assertThat(timeline(closed).getList("resolution.segments.kind", String.class)).containsExactly("COUNTING",
                "PAUSED", "COUNTING", "RESOLVED", "COUNTING", "PAUSED", "COUNTING", "RESOLVED");
        assertThat(stored(reworked).resolutionStatus()).isIn("PAUSED", "BREACHED");
        assertThat(stored(reworked).resolutionDueAt()).isNull();
        assertThat(stored(cancelled).responseStatus()).isEqualTo("NOT_APPLICABLE");
        assertThat(stored(running).responseStatus()).isEqualTo("MET");
        assertThat(stored(running).dueAt()).as("the earliest running due moment")
                .isEqualTo(now.minus(5, ChronoUnit.MINUTES).plus(4, ChronoUnit.HOURS));
    }

    @Test
    void theCheckNoticesStoredColumnsThatDisagree() {
        Instant now = TestClock.now().truncatedTo(ChronoUnit.SECONDS);
        String wrongDue = critical(unique("Consistency tampered due"), now.minus(5, ChronoUnit.MINUTES));
        assertThat(timeline(wrongDue).getBoolean("consistent")).isTrue();
        tamper(wrongDue, "update ticket set sla_response_due_at = sla_response_due_at + interval '1 hour'");
        assertThat(timeline(wrongDue).getBoolean("consistent")).isFalse();

        String wrongStatus = critical(unique("Consistency tampered status"), now.minus(5, ChronoUnit.MINUTES));
        tamper(wrongStatus, "update ticket set sla_resolution_status = 'MET'");
        assertThat(timeline(wrongStatus).getBoolean("consistent")).isFalse();

        String wrongLog = critical(unique("Consistency tampered log"), now.minus(5, ChronoUnit.MINUTES));
        status(TOM, wrongLog, "WAITING_ON_CLIENT");
        assertThat(timeline(wrongLog).getBoolean("consistent")).isTrue();
        tamper(wrongLog, "update ticket set phase_log = '[]'");
        assertThat(timeline(wrongLog).getBoolean("consistent")).isFalse();
    }
}
