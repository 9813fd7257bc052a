package org.eclipsesol.desk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.sla.SlaTestSupport.at;
import static org.eclipsesol.desk.sla.SlaTestSupport.denver;
import static org.eclipsesol.desk.sla.SlaTestSupport.instant;
import static org.eclipsesol.desk.sla.SlaTestSupport.lastEventAt;
import static org.eclipsesol.desk.sla.SlaTestSupport.patch;
import static org.eclipsesol.desk.sla.SlaTestSupport.ticket;
import static org.eclipsesol.desk.sla.SlaTestSupport.timeline;
import static org.eclipsesol.desk.sla.SlaTestSupport.unique;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.BEN;
import static org.eclipsesol.desk.support.Api.CARLA;
import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.TestClock;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The `sla` object of tickets through their lifecycle, the slaStatus filter and sort=DUE. */
@QuarkusTest
class TicketSlaLifecycleTest {

    private static Instant nowSeconds() {
        return TestClock.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private static String staffTicket(String title, String priority, Instant openedAt) {
        return Fixtures.staffTicket(TOM, Fixtures.acme(), ANA, title, priority, openedAt).getString("id");
    }

    private static Map<String, Object> status(String status) {
        return Map.of("status", status);
    }

    private static Duration duration(JsonPath json, String path) {
        return Duration.parse(json.getString(path));
    }

    private static List<Map<String, Object>> list(String user, Map<String, Object> query) {
        return as(user).queryParams(query).get("/api/v1/tickets").then().statusCode(200).extract().jsonPath()
                .getList("items");
    }

    private static List<String> ids(List<Map<String, Object>> items) {
        return items.stream().map(i -> (String) i.get("id")).toList();
    }

    @Test
    void aTicketCarriesItsSlaOnGetAndInLists() {
        String title = unique("SLA shape");
        // HIGH, opened Monday 2026-11-02 09:00 Denver, never answered.
        String id = staffTicket(title, "HIGH", denver("2026-11-02T09:00:00"));
        JsonPath t = ticket(id);
        assertThat(t.getInt("sla.policyVersion")).isEqualTo(1);
        assertThat(t.getString("sla.targetSource")).isEqualTo("POLICY");
        assertThat(t.getString("sla.overrideReason")).isNull();
        assertThat(t.getBoolean("sla.frozen")).isFalse();
        assertThat(t.getString("sla.response.target")).isEqualTo("PT2H");
        assertThat(t.getString("sla.response.clock")).isEqualTo("BUSINESS_HOURS");
        assertThat(t.getString("sla.response.status")).isEqualTo("BREACHED");
        assertThat(instant(t, "sla.response.dueAt")).isEqualTo(at("2026-11-02T11:00:00-07:00"));
        assertThat(t.getString("sla.response.metAt")).isNull();
        assertThat(duration(t, "sla.response.elapsed")).isGreaterThan(Duration.ofHours(12));
        assertThat(duration(t, "sla.response.remaining"))
                .isEqualTo(Duration.ofHours(2).minus(duration(t, "sla.response.elapsed")));
        assertThat(t.getString("sla.resolution.target")).isEqualTo("PT12H");
        assertThat(t.getString("sla.resolution.status")).isEqualTo("BREACHED");
        // Monday 09-17 (8h) + Tuesday 09-13 (4h).
        assertThat(instant(t, "sla.resolution.dueAt")).isEqualTo(at("2026-11-03T13:00:00-07:00"));

        List<Map<String, Object>> items = list(SAM, Map.of("q", title));
        assertThat(ids(items)).containsExactly(id);
        @SuppressWarnings("unchecked")
        Map<String, Object> sla = (Map<String, Object>) items.get(0).get("sla");
        assertThat(sla).containsEntry("policyVersion", 1).containsEntry("frozen", false)
                .containsEntry("targetSource", "POLICY");
        @SuppressWarnings("unchecked")
        Map<String, Object> response = (Map<String, Object>) sla.get("response");
        assertThat(response).containsEntry("target", "PT2H").containsEntry("status", "BREACHED")
                .containsEntry("clock", "BUSINESS_HOURS");
        assertThat(Instant.parse((String) response.get("dueAt"))).isEqualTo(at("2026-11-02T11:00:00-07:00"));

        // The requester's organization sees the same SLA; another organization does not see the ticket at all.
        JsonPath asClient = as(ANA).get("/api/v1/tickets/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(asClient.getString("sla.response.status")).isEqualTo("BREACHED");
        assertThat(instant(asClient, "sla.resolution.dueAt")).isEqualTo(at("2026-11-03T13:00:00-07:00"));
        Fixtures.globex();
        as(CARLA).get("/api/v1/tickets/" + id).then().statusCode(404);
    }

    @Test
    void aBackdatedTicketAlreadyAtRiskIsCreatedWithItsAlertAfterTheCreatedEvent() {
        // CRITICAL runs 24/7: response due after 1h, at risk after 45 min. Logged 50 min after the call.
        String id = staffTicket(unique("SLA backdated"), "CRITICAL", nowSeconds().minus(50, ChronoUnit.MINUTES));
        JsonPath t = ticket(id);
        assertThat(t.getString("sla.response.status")).isEqualTo("AT_RISK");
        assertThat(t.getString("sla.resolution.status")).isEqualTo("ON_TRACK");
        assertThat(t.getInt("version")).isEqualTo(1);
        List<Object> types = new ArrayList<>();
        for (Map<String, Object> e : SlaTestSupport.events(id)) {
            types.add(e.get("type"));
        }
        assertThat(types).containsExactly("CREATED", "SLA_AT_RISK");
    }

    @Test
    void slaStatusFiltersOnTheStoredStatus() {
        String tag = unique("SLA filter");
        // Logged by staff a week after the fact: a HIGH ticket is long past both targets.
        String breached = staffTicket(tag + " old", "HIGH", nowSeconds().minus(7, ChronoUnit.DAYS));
        // CRITICAL opened just now: on track.
        String fresh = staffTicket(tag + " fresh", "CRITICAL", null);

        assertThat(ids(list(TOM, Map.of("q", tag, "slaStatus", "BREACHED")))).containsExactly(breached);
        assertThat(ids(list(TOM, Map.of("q", tag, "slaStatus", "ON_TRACK")))).containsExactly(fresh);
        assertThat(ids(list(TOM, Map.of("q", tag, "slaStatus", "MET")))).isEmpty();
        // Combined with other filters (AND), and for a client (their own organization only).
        assertThat(ids(list(TOM, Map.of("q", tag, "slaStatus", "BREACHED", "priority", "CRITICAL")))).isEmpty();
        assertThat(ids(list(ANA, Map.of("q", tag, "slaStatus", "BREACHED")))).containsExactly(breached);
        Fixtures.globex();
        assertThat(ids(list(CARLA, Map.of("q", tag, "slaStatus", "BREACHED")))).isEmpty();

        as(TOM).queryParam("slaStatus", "LATE").get("/api/v1/tickets").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("slaStatus"));
    }

    @Test
    void sortByDueListsTheEarliestDueFirstAndPagesStably() {
        String tag = unique("SLA due order");
        Instant now = nowSeconds();
        // CRITICAL runs 24/7: response due = openedAt + 1h, exactly.
        String in50 = staffTicket(tag + " a", "CRITICAL", now.minus(10, ChronoUnit.MINUTES));
        String in30 = staffTicket(tag + " b", "CRITICAL", now.minus(30, ChronoUnit.MINUTES));
        String in40first = staffTicket(tag + " c", "CRITICAL", now.minus(20, ChronoUnit.MINUTES));
        String in40second = staffTicket(tag + " d", "CRITICAL", now.minus(20, ChronoUnit.MINUTES));
        // Answered: only the resolution runs, due openedAt + 4h.
        String answered = staffTicket(tag + " e", "CRITICAL", now.minus(50, ChronoUnit.MINUTES));
        as(TOM).body(Map.of("body", "Looking into it", "internal", false)).post("/api/v1/tickets/" + answered + "/comments")
                .then().statusCode(201);
        // Cancelled: nothing is due.
        String cancelled = staffTicket(tag + " f", "CRITICAL", now.minus(40, ChronoUnit.MINUTES));
        patch(TOM, cancelled, status("CANCELLED"));

        List<String> expected = List.of(in30, in40first, in40second, in50, answered, cancelled);
        assertThat(ids(list(TOM, Map.of("q", tag, "sort", "DUE", "limit", 100)))).containsExactlyElementsOf(expected);

        // One at a time through the cursor: the same order, nothing twice, nothing skipped.
        List<String> paged = new ArrayList<>();
        String cursor = null;
        for (int i = 0; i < 10; i++) {
            Map<String, Object> query = new HashMap<>(Map.of("q", tag, "sort", "DUE", "limit", 1));
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            JsonPath page = as(TOM).queryParams(query).get("/api/v1/tickets").then().statusCode(200).extract().jsonPath();
            paged.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
            if (cursor == null) {
                break;
            }
        }
        assertThat(paged).containsExactlyElementsOf(expected);

        // Pages of two as well.
        JsonPath first = as(TOM).queryParams(Map.of("q", tag, "sort", "DUE", "limit", 2)).get("/api/v1/tickets").then()
                .statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.id", String.class)).containsExactly(in30, in40first);
        JsonPath second = as(TOM).queryParams(Map.of("q", tag, "sort", "DUE", "limit", 2, "cursor",
                first.getString("nextCursor"))).get("/api/v1/tickets").then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.id", String.class)).containsExactly(in40second, in50);
        JsonPath third = as(TOM).queryParams(Map.of("q", tag, "sort", "DUE", "limit", 2, "cursor",
                second.getString("nextCursor"))).get("/api/v1/tickets").then().statusCode(200).extract().jsonPath();
        assertThat(third.getList("items.id", String.class)).containsExactly(answered, cancelled);
        assertThat(third.getString("nextCursor")).isNull();

        assertThat(instant(ticket(in30), "sla.response.dueAt")).isEqualTo(now.plus(30, ChronoUnit.MINUTES));
        assertThat(instant(ticket(answered), "sla.resolution.dueAt"))
                .isEqualTo(now.minus(50, ChronoUnit.MINUTES).plus(4, ChronoUnit.HOURS));
    }

    @Test
    void aPriorityChangeRecomputesBothTargetsFromOpenedAt() {
        // MEDIUM opened Monday 2026-11-02 09:00 Denver.
        String id = staffTicket(unique("SLA priority change"), "MEDIUM", denver("2026-11-02T09:00:00"));
        JsonPath medium = ticket(id);
        assertThat(medium.getString("sla.response.target")).isEqualTo("PT8H");
        assertThat(instant(medium, "sla.response.dueAt")).isEqualTo(at("2026-11-02T17:00:00-07:00"));
        assertThat(instant(medium, "sla.resolution.dueAt")).isEqualTo(at("2026-11-09T17:00:00-07:00"));

        as(TOM).body(Map.of("priority", "HIGH")).patch("/api/v1/tickets/" + id).then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        as(ANA).body(Map.of("priority", "HIGH", "reason", "Whole office down")).patch("/api/v1/tickets/" + id).then()
                .statusCode(403);

        JsonPath high = patch(TOM, id, Map.of("priority", "HIGH", "reason", "Whole office affected"));
        assertThat(high.getString("priority")).isEqualTo("HIGH");
        assertThat(high.getString("sla.response.target")).isEqualTo("PT2H");
        assertThat(instant(high, "sla.response.dueAt")).isEqualTo(at("2026-11-02T11:00:00-07:00"));
        assertThat(high.getString("sla.response.status")).isEqualTo("BREACHED");
        assertThat(high.getString("sla.resolution.target")).isEqualTo("PT12H");
        assertThat(instant(high, "sla.resolution.dueAt")).isEqualTo(at("2026-11-03T13:00:00-07:00"));
        assertThat(high.getString("sla.resolution.status")).isEqualTo("BREACHED");

        JsonPath critical = patch(TOM, id, Map.of("priority", "CRITICAL", "reason", "Payments stopped"));
        assertThat(critical.getString("sla.response.clock")).isEqualTo("TWENTY_FOUR_SEVEN");
        assertThat(instant(critical, "sla.response.dueAt")).isEqualTo(at("2026-11-02T10:00:00-07:00"));
        assertThat(instant(critical, "sla.resolution.dueAt")).isEqualTo(at("2026-11-02T13:00:00-07:00"));

        JsonPath low = patch(TOM, id, Map.of("priority", "LOW", "reason", "Workaround in place"));
        assertThat(low.getString("sla.response.clock")).isEqualTo("BUSINESS_HOURS");
        assertThat(low.getString("sla.response.target")).isEqualTo("PT24H");
        // 24 business hours from Monday 09:00 end on Wednesday 17:00.
        assertThat(instant(low, "sla.response.dueAt")).isEqualTo(at("2026-11-04T17:00:00-07:00"));
        // 72 business hours: nine business days, Thursday 2026-11-12 17:00.
        assertThat(instant(low, "sla.resolution.dueAt")).isEqualTo(at("2026-11-12T17:00:00-07:00"));

        List<Map<String, Object>> changes = SlaTestSupport.events(id).stream()
                .filter(e -> "PRIORITY_CHANGED".equals(e.get("type"))).toList();
        assertThat(changes).extracting(e -> e.get("before") + ">" + e.get("after") + ":" + e.get("detail"))
                .containsExactly("MEDIUM>HIGH:Whole office affected", "HIGH>CRITICAL:Payments stopped",
                        "CRITICAL>LOW:Workaround in place");
        assertThat(timeline(id).getBoolean("consistent")).isTrue();
    }

    @Test
    void waitingOnTheClientPausesTheRunningClock() {
        Instant opened = nowSeconds().minus(20, ChronoUnit.MINUTES);
        String id = staffTicket(unique("SLA waiting"), "CRITICAL", opened);
        JsonPath waiting = patch(TOM, id, status("WAITING_ON_CLIENT"));
        Instant waitAt = lastEventAt(id, "STATUS_CHANGED", "WAITING_ON_CLIENT");
        // Moving the ticket out of NEW is the first response the client sees.
        assertThat(waiting.getString("sla.response.status")).isEqualTo("MET");
        assertThat(instant(waiting, "sla.response.metAt")).isEqualTo(waitAt);
        assertThat(duration(waiting, "sla.response.elapsed")).isEqualTo(Duration.between(opened, waitAt));
        // The resolution clock stops while we wait for the client.
        Duration before = Duration.between(opened, waitAt);
        assertThat(waiting.getString("sla.resolution.status")).isEqualTo("PAUSED");
        assertThat(waiting.getString("sla.resolution.dueAt")).isNull();
        assertThat(duration(waiting, "sla.resolution.elapsed")).isEqualTo(before);
        assertThat(duration(waiting, "sla.resolution.remaining")).isEqualTo(Duration.ofHours(4).minus(before));
        TestClock.advance(Duration.ofMinutes(10));
        JsonPath stillWaiting = ticket(id);
        assertThat(duration(stillWaiting, "sla.resolution.elapsed")).as("paused: no time counts").isEqualTo(before);
        assertThat(stillWaiting.getString("sla.resolution.dueAt")).isNull();
        assertThat(ids(list(TOM, Map.of("q", stillWaiting.getString("number"), "slaStatus", "PAUSED"))))
                .containsExactly(id);

        // The client answers: the ticket is back IN_PROGRESS and the clock resumes where it stopped.
        as(ANA).body(Map.of("body", "Here is the log you asked for", "internal", false))
                .post("/api/v1/tickets/" + id + "/comments").then().statusCode(201);
        Instant resumedAt = lastEventAt(id, "STATUS_CHANGED", "IN_PROGRESS");
        JsonPath resumed = ticket(id);
        assertThat(resumed.getString("status")).isEqualTo("IN_PROGRESS");
        assertThat(resumed.getString("sla.resolution.status")).isEqualTo("ON_TRACK");
        assertThat(instant(resumed, "sla.resolution.dueAt")).isEqualTo(resumedAt.plus(Duration.ofHours(4).minus(before)));

        // A business-hours ticket pauses the same way.
        String medium = staffTicket(unique("SLA waiting medium"), "MEDIUM", null);
        JsonPath mediumWaiting = patch(TOM, medium, status("WAITING_ON_CLIENT"));
        assertThat(mediumWaiting.getString("sla.resolution.status")).isEqualTo("PAUSED");
        assertThat(mediumWaiting.getString("sla.resolution.dueAt")).isNull();
        assertThat(mediumWaiting.getString("sla.response.status")).isEqualTo("MET");
        assertThat(timeline(id).getBoolean("consistent")).isTrue();
        assertThat(timeline(medium).getBoolean("consistent")).isTrue();
    }

    @Test
    void aReopenedTicketContinuesItsResolutionClock() {
        Instant opened = nowSeconds().minus(30, ChronoUnit.MINUTES);
        String id = staffTicket(unique("SLA reopen"), "CRITICAL", opened);
        JsonPath resolved = patch(TOM, id, status("RESOLVED"));
        Instant firstResolution = lastEventAt(id, "STATUS_CHANGED", "RESOLVED");
        Duration firstStretch = Duration.between(opened, firstResolution);
        assertThat(resolved.getString("sla.resolution.status")).isEqualTo("MET");
        assertThat(instant(resolved, "sla.resolution.metAt")).isEqualTo(firstResolution);
        assertThat(duration(resolved, "sla.resolution.elapsed")).isEqualTo(firstStretch);
        assertThat(resolved.getString("sla.response.status")).isEqualTo("MET");
        assertThat(instant(resolved, "sla.response.metAt")).isEqualTo(firstResolution);
        assertThat(ids(list(TOM, Map.of("q", resolved.getString("number"), "slaStatus", "MET")))).containsExactly(id);

        TestClock.advance(Duration.ofMinutes(10));
        // The requester reopens it: time spent resolved does not count.
        JsonPath reopened = patch(ANA, id, status("IN_PROGRESS"));
        Instant reopenedAt = lastEventAt(id, "STATUS_CHANGED", "IN_PROGRESS");
        assertThat(reopened.getString("status")).isEqualTo("IN_PROGRESS");
        assertThat(reopened.getString("sla.resolution.status")).isEqualTo("ON_TRACK");
        assertThat(reopened.getString("sla.resolution.metAt")).isNull();
        assertThat(instant(reopened, "sla.resolution.dueAt"))
                .isEqualTo(reopenedAt.plus(Duration.ofHours(4).minus(firstStretch)));
        assertThat(reopened.getString("sla.response.status")).as("the response stays met").isEqualTo("MET");
        assertThat(ids(list(TOM, Map.of("q", resolved.getString("number"), "slaStatus", "ON_TRACK"))))
                .containsExactly(id);

        TestClock.advance(Duration.ofMinutes(10));
        JsonPath again = patch(TOM, id, status("RESOLVED"));
        Instant secondResolution = lastEventAt(id, "STATUS_CHANGED", "RESOLVED");
        assertThat(again.getString("sla.resolution.status")).isEqualTo("MET");
        assertThat(instant(again, "sla.resolution.metAt")).as("the last resolution decides").isEqualTo(secondResolution);
        assertThat(duration(again, "sla.resolution.elapsed"))
                .isEqualTo(firstStretch.plus(Duration.between(reopenedAt, secondResolution)));

        JsonPath timeline = timeline(id);
        assertThat(timeline.getBoolean("consistent")).isTrue();
        assertThat(timeline.getList("resolution.segments.kind", String.class))
                .containsExactly("COUNTING", "RESOLVED", "COUNTING", "RESOLVED");
        assertThat(instant(timeline, "resolution.segments[0].from")).isEqualTo(opened);
        assertThat(instant(timeline, "resolution.segments[1].from")).isEqualTo(firstResolution);
        assertThat(instant(timeline, "resolution.segments[2].from")).isEqualTo(reopenedAt);
        assertThat(instant(timeline, "resolution.segments[3].from")).isEqualTo(secondResolution);
        assertThat(Duration.parse(timeline.getString("resolution.segments[0].clockTime"))).isEqualTo(firstStretch);
        assertThat(timeline.getString("resolution.segments[1].clockTime")).isEqualTo("PT0S");

        // Closing freezes the figures.
        JsonPath closed = patch(ANA, id, status("CLOSED"));
        assertThat(closed.getBoolean("sla.frozen")).isTrue();
        assertThat(instant(closed, "sla.resolution.metAt")).isEqualTo(secondResolution);
        assertThat(closed.getString("sla.resolution.status")).isEqualTo("MET");
    }

    @Test
    void anExcludedTicketHasNoSlaAndIsBillable() {
        String title = unique("SLA exclusion");
        String id = staffTicket(title, "HIGH", nowSeconds().minus(7, ChronoUnit.DAYS));
        assertThat(ticket(id).getString("sla.response.status")).isEqualTo("BREACHED");
        assertThat(ticket(id).getBoolean("billable")).isFalse();

        as(TOM).body(Map.of("exclusion", "THIRD_PARTY")).patch("/api/v1/tickets/" + id).then().statusCode(400)
                .body("violations[0].field", equalTo("exclusionNote"));
        as(ANA).body(Map.of("exclusion", "THIRD_PARTY", "exclusionNote", "x")).patch("/api/v1/tickets/" + id).then()
                .statusCode(403);

        JsonPath excluded = patch(TOM, id, Map.of("exclusion", "THIRD_PARTY", "exclusionNote", "ISP outage upstream"));
        assertThat(excluded.getString("exclusion")).isEqualTo("THIRD_PARTY");
        assertThat(excluded.getString("exclusionNote")).isEqualTo("ISP outage upstream");
        assertThat(excluded.getBoolean("billable")).isTrue();
        for (String target : List.of("response", "resolution")) {
            assertThat(excluded.getString("sla." + target + ".status")).isEqualTo("NOT_APPLICABLE");
            assertThat(excluded.getString("sla." + target + ".dueAt")).isNull();
        }
        assertThat(ids(list(TOM, Map.of("q", title, "slaStatus", "NOT_APPLICABLE")))).containsExactly(id);
        assertThat(ids(list(TOM, Map.of("q", title, "slaStatus", "BREACHED")))).isEmpty();
        // Clients see the exclusion, not staff's note.
        JsonPath asClient = as(ANA).get("/api/v1/tickets/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(asClient.getString("exclusion")).isEqualTo("THIRD_PARTY");
        assertThat(asClient.getString("exclusionNote")).isNull();
        assertThat(asClient.getString("sla.resolution.status")).isEqualTo("NOT_APPLICABLE");

        // Clearing the exclusion brings the SLA back.
        Map<String, Object> clear = new HashMap<>();
        clear.put("exclusion", null);
        JsonPath cleared = patch(TOM, id, clear);
        assertThat(cleared.getString("exclusion")).isNull();
        assertThat(cleared.getBoolean("billable")).isFalse();
        assertThat(cleared.getString("sla.response.status")).isEqualTo("BREACHED");
        assertThat(ids(list(TOM, Map.of("q", title, "slaStatus", "BREACHED")))).containsExactly(id);
        assertThat(timeline(id).getBoolean("consistent")).isTrue();
    }

    @Test
    void aCancelledTicketHasNoSla() {
        Fixtures.acme();
        JsonPath created = Fixtures.clientTicket(ANA, unique("SLA cancel"), "MEDIUM");
        String id = created.getString("id");
        assertThat(created.getString("sla.response.status")).isIn("ON_TRACK", "AT_RISK");
        as(BEN).body(status("CANCELLED")).patch("/api/v1/tickets/" + id).then().statusCode(403);

        JsonPath cancelled = patch(ANA, id, status("CANCELLED"));
        assertThat(cancelled.getString("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.getBoolean("sla.frozen")).isTrue();
        for (String target : List.of("response", "resolution")) {
            assertThat(cancelled.getString("sla." + target + ".status")).isEqualTo("NOT_APPLICABLE");
            assertThat(cancelled.getString("sla." + target + ".dueAt")).isNull();
        }
        assertThat(ids(list(TOM, Map.of("q", created.getString("number"), "slaStatus", "NOT_APPLICABLE"))))
                .containsExactly(id);
        assertThat(ticket(id).getMap("sla")).isEqualTo(cancelled.getMap("sla"));
    }

    @Test
    void anOutOfScopeTicketKeepsItsSlaAndIsBillable() {
        String globex = Fixtures.globex();
        java.util.Map<String, Object> body = Fixtures.ticketBody(unique("SLA out of scope"), "HIGH");
        body.put("service", "SURVEILLANCE");
        JsonPath t = as(CARLA).body(body).post("/api/v1/tickets").then().statusCode(201).extract().jsonPath();
        assertThat(t.getString("organization.id")).isEqualTo(globex);
        assertThat(t.getBoolean("outOfScope")).isTrue();
        assertThat(t.getBoolean("billable")).isTrue();
        // Globex's agreement: HIGH = PT1H / PT8H.
        assertThat(t.getString("sla.targetSource")).isEqualTo("AGREEMENT");
        assertThat(t.getString("sla.response.target")).isEqualTo("PT1H");
        assertThat(t.getString("sla.resolution.target")).isEqualTo("PT8H");
    }
}
