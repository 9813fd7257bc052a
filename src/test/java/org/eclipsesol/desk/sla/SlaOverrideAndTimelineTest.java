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
import static org.eclipsesol.desk.support.Api.CARLA;
import static org.eclipsesol.desk.support.Api.NOBODY;
import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.anonymous;
import static org.eclipsesol.desk.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.TestClock;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** PUT /tickets/{id}/sla/override (supervisor, with reason) and GET /tickets/{id}/sla/timeline. */
@QuarkusTest
class SlaOverrideAndTimelineTest {

    private static String staffTicket(String title, String priority, Instant openedAt) {
        return Fixtures.staffTicket(TOM, Fixtures.acme(), ANA, title, priority, openedAt).getString("id");
    }

    private static Map<String, Object> override(String response, String resolution, String reason) {
        Map<String, Object> body = new HashMap<>();
        if (response != null) {
            body.put("response", response);
        }
        if (resolution != null) {
            body.put("resolution", resolution);
        }
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    private static String overridePath(String id) {
        return "/api/v1/tickets/" + id + "/sla/override";
    }

    @Test
    void aSupervisorOverridesTargetsWithAReasonAndTheClocksAreRecomputed() {
        // HIGH opened Monday 2026-11-02 09:00 Denver.
        String id = staffTicket(unique("SLA override"), "HIGH", denver("2026-11-02T09:00:00"));
        JsonPath view = as(SAM).body(override("PT4H", "PT24H", "Complex network rebuild")).put(overridePath(id)).then()
                .statusCode(200).extract().jsonPath();
        assertThat(view.getString("targetSource")).isEqualTo("OVERRIDE");
        assertThat(view.getString("overrideReason")).isEqualTo("Complex network rebuild");
        assertThat(view.getString("response.target")).isEqualTo("PT4H");
        assertThat(instant(view, "response.dueAt")).isEqualTo(at("2026-11-02T13:00:00-07:00"));
        assertThat(view.getString("resolution.target")).isEqualTo("PT24H");
        // Monday + Tuesday + Wednesday, to the end of Wednesday.
        assertThat(instant(view, "resolution.dueAt")).isEqualTo(at("2026-11-04T17:00:00-07:00"));

        JsonPath t = ticket(id);
        assertThat(t.getMap("sla.response")).isEqualTo(withoutElapsed(t.getMap("sla.response"), view.getMap("response")));
        assertThat(t.getString("sla.targetSource")).isEqualTo("OVERRIDE");
        assertThat(t.getString("sla.overrideReason")).isEqualTo("Complex network rebuild");

        // Only the resolution: the response override stays.
        JsonPath partial = as(SAM).body(override(null, "PT40H", "Parts on back-order")).put(overridePath(id)).then()
                .statusCode(200).extract().jsonPath();
        assertThat(partial.getString("response.target")).isEqualTo("PT4H");
        assertThat(partial.getString("resolution.target")).isEqualTo("PT40H");
        assertThat(instant(partial, "resolution.dueAt")).isEqualTo(at("2026-11-06T17:00:00-07:00"));
        assertThat(partial.getString("overrideReason")).isEqualTo("Parts on back-order");

        List<Map<String, Object>> overrides = SlaTestSupport.events(id).stream()
                .filter(e -> "SLA_OVERRIDDEN".equals(e.get("type"))).toList();
        assertThat(overrides).extracting(e -> e.get("before") + ">" + e.get("after") + ":" + e.get("detail"))
                .containsExactly("PT2H/PT12H>PT4H/PT24H:Complex network rebuild", "PT4H/PT24H>PT4H/PT40H:Parts on back-order");
        // The client sees why the targets changed.
        List<Map<String, Object>> clientEvents = as(ANA).queryParam("limit", 100).get("/api/v1/tickets/" + id + "/events")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(clientEvents).anyMatch(e -> "SLA_OVERRIDDEN".equals(e.get("type")));
        assertThat(timeline(id).getBoolean("consistent")).isTrue();
    }

    private static Map<String, Object> withoutElapsed(Map<String, Object> actual, Map<String, Object> expected) {
        Map<String, Object> copy = new HashMap<>(expected);
        copy.put("elapsed", actual.get("elapsed"));
        copy.put("remaining", actual.get("remaining"));
        return copy;
    }

    @Test
    void anOverrideWinsOverTheAgreementAndCanBreachAtOnce() {
        String globex = Fixtures.globex();
        Instant opened = TestClock.now().truncatedTo(ChronoUnit.SECONDS).minus(20, ChronoUnit.MINUTES);
        String id = Fixtures.staffTicket(SAM, globex, CARLA, unique("SLA override breach"), "CRITICAL", opened)
                .getString("id");
        assertThat(ticket(id).getString("sla.response.status")).isEqualTo("ON_TRACK");
        JsonPath view = as(SAM).body(override("PT10M", null, "Agreed 10 minutes for this outage")).put(overridePath(id))
                .then().statusCode(200).extract().jsonPath();
        assertThat(view.getString("response.status")).isEqualTo("BREACHED");
        assertThat(instant(view, "response.dueAt")).isEqualTo(opened.plus(10, ChronoUnit.MINUTES));
        assertThat(view.getString("resolution.target")).isEqualTo("PT4H");
        assertThat(SlaTestSupport.countEvents(id, "SLA_BREACHED", "response")).isEqualTo(1);

        String globexHigh = Fixtures.staffTicket(SAM, globex, CARLA, unique("SLA override agreement"), "HIGH",
                denver("2026-11-02T09:00:00")).getString("id");
        assertThat(ticket(globexHigh).getString("sla.targetSource")).isEqualTo("AGREEMENT");
        JsonPath overridden = as(SAM).body(override("PT3H", null, "Vendor involved")).put(overridePath(globexHigh)).then()
                .statusCode(200).extract().jsonPath();
        assertThat(overridden.getString("targetSource")).isEqualTo("OVERRIDE");
        assertThat(overridden.getString("response.target")).isEqualTo("PT3H");
        assertThat(overridden.getString("resolution.target")).as("the agreement's resolution stays").isEqualTo("PT8H");
    }

    @Test
    void onlyASupervisorMayOverrideAndTheInputIsChecked() {
        String id = staffTicket(unique("SLA override roles"), "HIGH", null);
        as(TOM).body(override("PT4H", null, "I think so")).put(overridePath(id)).then().statusCode(403)
                .contentType("application/problem+json");
        as(ANA).body(override("PT4H", null, "Please")).put(overridePath(id)).then().statusCode(403);
        anonymous().body(override("PT4H", null, "Please")).put(overridePath(id)).then().statusCode(401);

        as(SAM).body(override("PT4H", null, null)).put(overridePath(id)).then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        as(SAM).body(override("PT4H", null, "  ")).put(overridePath(id)).then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        as(SAM).body(override(null, null, "Nothing")).put(overridePath(id)).then().statusCode(400)
                .body("violations[0].field", equalTo("response"));
        as(SAM).body(override("PT0S", null, "Zero")).put(overridePath(id)).then().statusCode(400)
                .body("violations[0].field", equalTo("response"));
        as(SAM).body(override(null, "-PT1H", "Negative")).put(overridePath(id)).then().statusCode(400)
                .body("violations[0].field", equalTo("resolution"));
        as(SAM).body(override("soon", null, "Not a duration")).put(overridePath(id)).then().statusCode(400)
                .body("violations[0].field", equalTo("response"));
        as(SAM).body(override("PT4H", null, "Unknown ticket")).put(overridePath(UUID.randomUUID().toString())).then()
                .statusCode(404);

        JsonPath unchanged = ticket(id);
        assertThat(unchanged.getString("sla.targetSource")).isEqualTo("POLICY");
        assertThat(unchanged.getString("sla.response.target")).isEqualTo("PT2H");
        assertThat(SlaTestSupport.countEvents(id, "SLA_OVERRIDDEN", "sla")).isZero();

        patch(TOM, id, Map.of("status", "CANCELLED"));
        as(SAM).body(override("PT4H", null, "Too late")).put(overridePath(id)).then().statusCode(409);
    }

    @Test
    void theTimelineExplainsBusinessHoursElapsedTime() {
        // MEDIUM opened Friday 2026-11-06 16:00 Denver, first answered today.
        String id = staffTicket(unique("SLA timeline hours"), "MEDIUM", denver("2026-11-06T16:00:00"));
        as(TOM).body(Map.of("body", "Sorry for the wait", "internal", false)).post("/api/v1/tickets/" + id + "/comments")
                .then().statusCode(201);
        Instant respondedAt = lastEventAt(id, "RESPONDED", null);
        JsonPath timeline = timeline(id);
        assertThat(timeline.getString("ticketNumber")).isEqualTo(ticket(id).getString("number"));
        assertThat(timeline.getBoolean("consistent")).isTrue();

        assertThat(timeline.getString("response.target.status")).isEqualTo("BREACHED");
        assertThat(instant(timeline, "response.target.metAt")).isEqualTo(respondedAt);
        assertThat(instant(timeline, "response.target.dueAt")).isEqualTo(at("2026-11-09T16:00:00-07:00"));
        List<Map<String, Object>> segments = timeline.getList("response.segments");
        assertSegment(segments.get(0), "COUNTING", "2026-11-06T16:00:00-07:00", "2026-11-06T17:00:00-07:00", "PT1H");
        assertSegment(segments.get(1), "OUTSIDE_HOURS", "2026-11-06T17:00:00-07:00", "2026-11-09T09:00:00-07:00", "PT0S");
        assertSegment(segments.get(2), "COUNTING", "2026-11-09T09:00:00-07:00", "2026-11-09T17:00:00-07:00", "PT8H");
        assertSegment(segments.get(3), "OUTSIDE_HOURS", "2026-11-09T17:00:00-07:00", "2026-11-10T09:00:00-07:00", "PT0S");
        assertThat(Instant.parse((String) segments.get(segments.size() - 1).get("to"))).as("the response ends when met")
                .isEqualTo(respondedAt);
        assertContiguousAndSummed(timeline, "response");
        assertContiguousAndSummed(timeline, "resolution");
        assertThat(instant(timeline, "resolution.segments[0].from")).isEqualTo(at("2026-11-06T16:00:00-07:00"));
        assertThat(instant(timeline, "resolution.segments[-1].to")).isEqualTo(instant(timeline, "evaluatedAt"));
    }

    @Test
    void theTimelineShowsPausesAndCountsOnlyRunningTime() {
        Instant opened = TestClock.now().truncatedTo(ChronoUnit.SECONDS).minus(15, ChronoUnit.MINUTES);
        String id = staffTicket(unique("SLA timeline pause"), "CRITICAL", opened);
        patch(TOM, id, Map.of("status", "WAITING_ON_CLIENT"));
        Instant waitAt = lastEventAt(id, "STATUS_CHANGED", "WAITING_ON_CLIENT");
        TestClock.advance(Duration.ofMinutes(10));
        patch(TOM, id, Map.of("status", "IN_PROGRESS"));
        Instant resumedAt = lastEventAt(id, "STATUS_CHANGED", "IN_PROGRESS");

        JsonPath timeline = timeline(id);
        Instant evaluatedAt = instant(timeline, "evaluatedAt");
        assertThat(timeline.getBoolean("consistent")).isTrue();
        List<Map<String, Object>> resolution = timeline.getList("resolution.segments");
        assertThat(resolution).hasSize(3);
        assertSegment(resolution.get(0), "COUNTING", opened, waitAt, Duration.between(opened, waitAt));
        assertSegment(resolution.get(1), "PAUSED", waitAt, resumedAt, Duration.ZERO);
        assertSegment(resolution.get(2), "COUNTING", resumedAt, evaluatedAt, Duration.between(resumedAt, evaluatedAt));
        Duration elapsed = Duration.between(opened, waitAt).plus(Duration.between(resumedAt, evaluatedAt));
        assertThat(Duration.parse(timeline.getString("resolution.target.elapsed"))).isEqualTo(elapsed);
        assertThat(timeline.getString("resolution.target.status")).isEqualTo("ON_TRACK");
        assertThat(instant(timeline, "resolution.target.dueAt"))
                .isEqualTo(resumedAt.plus(Duration.ofHours(4).minus(Duration.between(opened, waitAt))));
        // The response was met when the ticket left NEW: its timeline ends there.
        List<Map<String, Object>> response = timeline.getList("response.segments");
        assertThat(response).hasSize(1);
        assertSegment(response.get(0), "COUNTING", opened, waitAt, Duration.between(opened, waitAt));
        assertThat(timeline.getString("response.target.status")).isEqualTo("MET");
    }

    @Test
    void whoMaySeeATimeline() {
        String id = staffTicket(unique("SLA timeline access"), "LOW", null);
        as(ANA).get("/api/v1/tickets/" + id + "/sla/timeline").then().statusCode(200).body("consistent", equalTo(true));
        Fixtures.globex();
        as(CARLA).get("/api/v1/tickets/" + id + "/sla/timeline").then().statusCode(404);
        as(NOBODY).get("/api/v1/tickets/" + id + "/sla/timeline").then().statusCode(403);
        anonymous().get("/api/v1/tickets/" + id + "/sla/timeline").then().statusCode(401);
        as(TOM).get("/api/v1/tickets/" + UUID.randomUUID() + "/sla/timeline").then().statusCode(404);
        as(TOM).get("/api/v1/tickets/not-an-id/sla/timeline").then().statusCode(404);
    }

    static void assertSegment(Map<String, Object> segment, String kind, String from, String to, String clockTime) {
        assertSegment(segment, kind, at(from), at(to), Duration.parse(clockTime));
    }

    static void assertSegment(Map<String, Object> segment, String kind, Instant from, Instant to, Duration clockTime) {
        assertThat(segment.get("kind")).as("kind of %s", segment).isEqualTo(kind);
        assertThat(Instant.parse((String) segment.get("from"))).as("from of %s", segment).isEqualTo(from);
        assertThat(Instant.parse((String) segment.get("to"))).as("to of %s", segment).isEqualTo(to);
        assertThat(Duration.parse((String) segment.get("clockTime"))).as("clock time of %s", segment).isEqualTo(clockTime);
    }

    /** Segments follow each other without gaps; the COUNTING ones add up to the target's elapsed time. */
    static void assertContiguousAndSummed(JsonPath timeline, String target) {
        List<Map<String, Object>> segments = timeline.getList(target + ".segments");
        assertThat(segments).isNotEmpty();
        Duration counted = Duration.ZERO;
        for (int i = 0; i < segments.size(); i++) {
            Map<String, Object> s = segments.get(i);
            if (i > 0) {
                assertThat(s.get("from")).isEqualTo(segments.get(i - 1).get("to"));
                assertThat(s.get("kind")).as("adjacent segments of one kind are merged")
                        .isNotEqualTo(segments.get(i - 1).get("kind"));
            }
            Duration clockTime = Duration.parse((String) s.get("clockTime"));
            if ("COUNTING".equals(s.get("kind"))) {
                counted = counted.plus(clockTime);
            } else {
                assertThat(clockTime).isZero();
            }
        }
        assertThat(counted).isEqualTo(Duration.parse(timeline.getString(target + ".target.elapsed")));
    }
}
