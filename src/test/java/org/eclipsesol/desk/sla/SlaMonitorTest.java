package org.eclipsesol.desk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.sla.SlaTestSupport.countEvents;
import static org.eclipsesol.desk.sla.SlaTestSupport.ticket;
import static org.eclipsesol.desk.sla.SlaTestSupport.unique;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.as;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.TestClock;
import org.eclipsesol.desk.ticket.app.SlaMonitor;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The SLA monitor: AT_RISK and BREACHED moments are recorded exactly once per target and ticket, however many
 * monitors run at once (the scheduled one runs every 2 s in the test profile besides the threads here), and a
 * resolution breach escalates the ticket. Moments are crossed by advancing the test clock, never by waiting.
 */
@QuarkusTest
class SlaMonitorTest {

    /** How far ahead of "now" the moments lie that the tests cross by advancing the clock. */
    private static final Duration SOON = Duration.ofMinutes(2);

    @Inject
    SlaMonitor monitor;

    private static String critical(String title, Instant openedAt) {
        return Fixtures.staffTicket(TOM, Fixtures.acme(), ANA, title, "CRITICAL", openedAt).getString("id");
    }

    /** Runs runOnce() on {@code threads} threads at once, {@code rounds} times. */
    private void hammer(int threads, int rounds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < rounds; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> runs = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    runs.add(pool.submit(() -> {
                        start.await();
                        return monitor.runOnce();
                    }));
                }
                start.countDown();
                for (Future<Integer> run : runs) {
                    assertThat(run.get(60, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(0);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertAlerts(String id, int responseAtRisk, int responseBreached, int resolutionAtRisk,
            int resolutionBreached) {
        assertThat(countEvents(id, "SLA_AT_RISK", "response")).as("response AT_RISK events of %s", id)
                .isEqualTo(responseAtRisk);
        assertThat(countEvents(id, "SLA_BREACHED", "response")).as("response BREACHED events of %s", id)
                .isEqualTo(responseBreached);
        assertThat(countEvents(id, "SLA_AT_RISK", "resolution")).as("resolution AT_RISK events of %s", id)
                .isEqualTo(resolutionAtRisk);
        assertThat(countEvents(id, "SLA_BREACHED", "resolution")).as("resolution BREACHED events of %s", id)
                .isEqualTo(resolutionBreached);
    }

    @Test
    void concurrentMonitorsRecordEachMomentExactlyOnce() throws Exception {
        String tag = unique("Monitor once");
        Instant now = TestClock.nowSeconds();
        Instant soon = now.plus(SOON);
        // CRITICAL runs 24/7: response 1h (at risk at 45 min), resolution 4h (at risk at 3h).
        // These two cross a moment two minutes from now, when the clock is advanced past it.
        String turnsAtRisk = critical(tag + " turns at risk", soon.minus(45, ChronoUnit.MINUTES));
        String turnsBreached = critical(tag + " turns breached", soon.minus(60, ChronoUnit.MINUTES));
        assertThat(ticket(turnsAtRisk).getString("sla.response.status")).isEqualTo("ON_TRACK");
        assertThat(ticket(turnsBreached).getString("sla.response.status")).isEqualTo("AT_RISK");
        // These are past their moments when they are logged.
        String responseAtRisk = critical(tag + " 50min", now.minus(50, ChronoUnit.MINUTES));
        String responseBreached = critical(tag + " 2h", now.minus(2, ChronoUnit.HOURS));
        String resolutionAtRisk = critical(tag + " 3h10", now.minus(190, ChronoUnit.MINUTES));
        String resolutionBreached = critical(tag + " 5h", now.minus(5, ChronoUnit.HOURS));

        hammer(4, 3);
        // Before the clock passes their moments, these two have not alerted.
        assertAlerts(turnsAtRisk, 0, 0, 0, 0);
        assertAlerts(turnsBreached, 1, 0, 0, 0);

        TestClock.advance(SOON.plusSeconds(1));
        hammer(4, 5);

        assertAlerts(responseAtRisk, 1, 0, 0, 0);
        assertAlerts(responseBreached, 1, 1, 0, 0);
        assertAlerts(resolutionAtRisk, 1, 1, 1, 0);
        assertAlerts(resolutionBreached, 1, 1, 1, 1);
        assertAlerts(turnsAtRisk, 1, 0, 0, 0);
        assertAlerts(turnsBreached, 1, 1, 0, 0);

        // The stored status moved with the moments, so the list filter sees them.
        assertThat(as(TOM).queryParam("q", tag).queryParam("slaStatus", "AT_RISK").queryParam("limit", 100)
                .get("/api/v1/tickets").then().statusCode(200).extract().jsonPath().getList("items.id", String.class))
                .containsExactlyInAnyOrder(responseAtRisk, turnsAtRisk, resolutionAtRisk);
        assertThat(ticket(turnsBreached).getString("sla.response.status")).isEqualTo("BREACHED");

        // An alert event says which target and when it was due.
        Map<String, Object> breach = SlaTestSupport.events(turnsBreached).stream()
                .filter(e -> "SLA_BREACHED".equals(e.get("type"))).findFirst().orElseThrow();
        assertThat(breach.get("after")).isEqualTo("BREACHED");
        assertThat(breach.get("detail")).isEqualTo("due " + soon);

        // More rounds change nothing.
        hammer(4, 3);
        assertAlerts(turnsBreached, 1, 1, 0, 0);
        assertAlerts(resolutionBreached, 1, 1, 1, 1);
    }

    @Test
    void aResolutionBreachEscalatesTheTicketOnce() throws Exception {
        Instant soon = TestClock.nowSeconds().plus(SOON);
        // Answered, so only the resolution runs; it is breached two minutes from now.
        String breachesSoon = critical(unique("Monitor escalate soon"), soon.minus(4, ChronoUnit.HOURS));
        as(TOM).body(Map.of("body", "On it", "internal", false)).post("/api/v1/tickets/" + breachesSoon + "/comments")
                .then().statusCode(201);
        assertThat(ticket(breachesSoon).getBoolean("escalated")).isFalse();
        assertThat(ticket(breachesSoon).getString("sla.resolution.status")).isEqualTo("AT_RISK");
        String breachedAtOpening = critical(unique("Monitor escalate 5h"), TestClock.nowSeconds().minus(5, ChronoUnit.HOURS));

        hammer(4, 3);
        assertThat(ticket(breachesSoon).getBoolean("escalated")).as("not breached yet").isFalse();
        TestClock.advance(SOON.plusSeconds(1));
        hammer(4, 5);

        for (String id : List.of(breachedAtOpening, breachesSoon)) {
            JsonPath t = ticket(id);
            assertThat(t.getBoolean("escalated")).as("escalated: %s", id).isTrue();
            assertThat(t.getString("sla.resolution.status")).isEqualTo("BREACHED");
            List<Map<String, Object>> escalations = as(SAM).get("/api/v1/tickets/" + id + "/escalations").then()
                    .statusCode(200).extract().jsonPath().getList("$");
            assertThat(escalations).hasSize(1);
            assertThat(escalations.get(0)).containsEntry("source", "SLA_BREACH").containsEntry("level", 1)
                    .containsEntry("status", "OPEN");
            assertThat(countEvents(id, "ESCALATED", "escalated")).isEqualTo(1);
            assertThat(countEvents(id, "SLA_BREACHED", "resolution")).isEqualTo(1);
        }
        // The answer came four hours late: the response alerted at opening, and was not met in time either.
        assertAlerts(breachesSoon, 1, 1, 1, 1);
        assertThat(ticket(breachesSoon).getString("sla.response.status")).isEqualTo("BREACHED");
        // The client sees the escalation on their ticket.
        assertThat(as(ANA).get("/api/v1/tickets/" + breachesSoon).then().statusCode(200).extract().jsonPath()
                .getBoolean("escalated")).isTrue();
    }
}
