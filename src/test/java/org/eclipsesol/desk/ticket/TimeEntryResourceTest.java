package org.eclipsesol.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.sla.SlaTestSupport.denver;
import static org.eclipsesol.desk.sla.SlaTestSupport.holiday;
import static org.eclipsesol.desk.sla.SlaTestSupport.unique;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.CARLA;
import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.TESS;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.anonymous;
import static org.eclipsesol.desk.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipsesol.desk.sla.SlaTestSupport;
import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** POST/GET /api/v1/tickets/{id}/time-entries: minutes outside business hours are after-hours and billable. */
@QuarkusTest
class TimeEntryResourceTest {

    private List<Map<String, Object>> savedHolidays;

    @BeforeEach
    void save() {
        savedHolidays = SlaTestSupport.holidays();
        // 2026-11-11 is an office holiday for these tests.
        List<Map<String, Object>> holidays = new ArrayList<>(savedHolidays);
        holidays.removeIf(h -> "2026-11-11".equals(h.get("date")));
        holidays.add(holiday("2026-11-11", "Veterans Day"));
        SlaTestSupport.putHolidays(holidays);
    }

    @AfterEach
    void restore() {
        SlaTestSupport.putHolidays(savedHolidays);
    }

    private static Map<String, Object> entry(Instant start, Instant end, String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("startedAt", start == null ? null : start.toString());
        body.put("endedAt", end == null ? null : end.toString());
        body.put("note", note);
        return body;
    }

    private static JsonPath log(String user, String ticket, Map<String, Object> body) {
        return as(user).body(body).post("/api/v1/tickets/" + ticket + "/time-entries").then().statusCode(201).extract()
                .jsonPath();
    }

    private static String acmeTicket(String title) {
        return Fixtures.staffTicket(TOM, Fixtures.acme(), ANA, title, "MEDIUM", null).getString("id");
    }

    @Test
    void minutesAfterFiveOnAWeekdayAreAfterHoursAndBillable() {
        String id = acmeTicket(unique("Time weekday evening"));
        // Wednesday 2026-11-18, 16:00-18:00 Denver: one hour inside business hours, one after.
        JsonPath e = log(TOM, id, entry(denver("2026-11-18T16:00:00"), denver("2026-11-18T18:00:00"), "Server patching"));
        assertThat(e.getString("id")).isNotBlank();
        assertThat(e.getString("ticketId")).isEqualTo(id);
        assertThat(e.getInt("minutes")).isEqualTo(120);
        assertThat(e.getInt("afterHoursMinutes")).isEqualTo(60);
        assertThat(e.getBoolean("billable")).isTrue();
        assertThat(e.getString("note")).isEqualTo("Server patching");
        assertThat(e.getString("author.id")).isEqualTo(TOM);
        assertThat(Instant.parse(e.getString("startedAt"))).isEqualTo(denver("2026-11-18T16:00:00"));
        assertThat(Instant.parse(e.getString("endedAt"))).isEqualTo(denver("2026-11-18T18:00:00"));
    }

    @Test
    void workInsideBusinessHoursOnACoveredTicketIsNotBillable() {
        String id = acmeTicket(unique("Time in hours"));
        JsonPath e = log(TESS, id, entry(denver("2026-11-17T10:00:00"), denver("2026-11-17T11:30:00"), "Remote session"));
        assertThat(e.getInt("minutes")).isEqualTo(90);
        assertThat(e.getInt("afterHoursMinutes")).isZero();
        assertThat(e.getBoolean("billable")).isFalse();
        // Early morning: 07:30-09:15 is 105 minutes, 90 of them before opening.
        JsonPath early = log(TESS, id, entry(denver("2026-11-17T07:30:00"), denver("2026-11-17T09:15:00"), null));
        assertThat(early.getInt("minutes")).isEqualTo(105);
        assertThat(early.getInt("afterHoursMinutes")).isEqualTo(90);
        assertThat(early.getBoolean("billable")).isTrue();
    }

    @Test
    void weekendsAndHolidaysAreAllAfterHours() {
        String id = acmeTicket(unique("Time weekend"));
        // Saturday 2026-11-21.
        JsonPath saturday = log(TOM, id, entry(denver("2026-11-21T10:00:00"), denver("2026-11-21T12:00:00"), "Weekend"));
        assertThat(saturday.getInt("minutes")).isEqualTo(120);
        assertThat(saturday.getInt("afterHoursMinutes")).isEqualTo(120);
        assertThat(saturday.getBoolean("billable")).isTrue();
        // Wednesday 2026-11-11 is a holiday here.
        JsonPath holiday = log(TOM, id, entry(denver("2026-11-11T10:00:00"), denver("2026-11-11T11:00:00"), "Holiday"));
        assertThat(holiday.getInt("minutes")).isEqualTo(60);
        assertThat(holiday.getInt("afterHoursMinutes")).isEqualTo(60);
        // Friday 16:30 to Saturday 01:00 across midnight: 30 minutes in hours.
        JsonPath overnight = log(TOM, id, entry(denver("2026-11-20T16:30:00"), denver("2026-11-21T01:00:00"), null));
        assertThat(overnight.getInt("minutes")).isEqualTo(510);
        assertThat(overnight.getInt("afterHoursMinutes")).isEqualTo(480);

        List<Map<String, Object>> listed = as(SAM).get("/api/v1/tickets/" + id + "/time-entries").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(listed).extracting(m -> m.get("note")).containsExactly("Holiday", null, "Weekend");
        assertThat(listed).extracting(m -> m.get("afterHoursMinutes")).containsExactly(60, 480, 120);
        assertThat(listed).extracting(m -> m.get("billable")).containsExactly(true, true, true);
    }

    @Test
    void anOutOfScopeOrExcludedTicketMakesAllItsTimeBillable() {
        String globex = Fixtures.globex();
        Map<String, Object> body = Fixtures.ticketBody(unique("Time out of scope"), "LOW");
        body.put("service", "SURVEILLANCE");
        body.put("organizationId", globex);
        body.put("requesterEmail", CARLA);
        String outOfScope = as(TOM).body(body).post("/api/v1/tickets").then().statusCode(201).extract().path("id");
        JsonPath e = log(TOM, outOfScope, entry(denver("2026-11-17T10:00:00"), denver("2026-11-17T11:00:00"), null));
        assertThat(e.getInt("afterHoursMinutes")).isZero();
        assertThat(e.getBoolean("billable")).isTrue();

        String excluded = acmeTicket(unique("Time excluded"));
        JsonPath before = log(TOM, excluded, entry(denver("2026-11-17T10:00:00"), denver("2026-11-17T11:00:00"), null));
        assertThat(before.getBoolean("billable")).isFalse();
        as(TOM).body(Map.of("exclusion", "CLIENT_NEGLIGENCE", "exclusionNote", "Cable cut by the client"))
                .patch("/api/v1/tickets/" + excluded).then().statusCode(200).body("billable", equalTo(true));
        assertThat(as(TOM).get("/api/v1/tickets/" + excluded + "/time-entries").then().statusCode(200).extract().jsonPath()
                .getBoolean("[0].billable")).isTrue();
    }

    @Test
    void clientsMayNeitherLogNorSeeTime() {
        String id = acmeTicket(unique("Time roles"));
        Map<String, Object> body = entry(denver("2026-11-17T10:00:00"), denver("2026-11-17T11:00:00"), "Client tries");
        as(ANA).body(body).post("/api/v1/tickets/" + id + "/time-entries").then().statusCode(403)
                .contentType("application/problem+json");
        as(ANA).get("/api/v1/tickets/" + id + "/time-entries").then().statusCode(403);
        anonymous().body(body).post("/api/v1/tickets/" + id + "/time-entries").then().statusCode(401);
        log(TOM, id, entry(denver("2026-11-17T10:00:00"), denver("2026-11-17T11:00:00"), "Staff"));
        // The history records it for staff only.
        List<Map<String, Object>> clientEvents = as(ANA).queryParam("limit", 100).get("/api/v1/tickets/" + id + "/events")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(clientEvents).noneMatch(ev -> "TIME_LOGGED".equals(ev.get("type")));
        assertThat(SlaTestSupport.events(id)).anyMatch(ev -> "TIME_LOGGED".equals(ev.get("type")));
    }

    @Test
    void invalidEntriesAre400() {
        String id = acmeTicket(unique("Time invalid"));
        Instant now = TestClock.now().truncatedTo(ChronoUnit.SECONDS);
        as(TOM).body(entry(denver("2026-11-17T11:00:00"), denver("2026-11-17T10:00:00"), null))
                .post("/api/v1/tickets/" + id + "/time-entries").then().statusCode(400)
                .body("violations[0].field", equalTo("endedAt"));
        as(TOM).body(entry(denver("2026-11-17T10:00:00"), denver("2026-11-17T10:00:00"), null))
                .post("/api/v1/tickets/" + id + "/time-entries").then().statusCode(400)
                .body("violations[0].field", equalTo("endedAt"));
        as(TOM).body(entry(denver("2026-11-16T10:00:00"), denver("2026-11-17T10:00:01"), null))
                .post("/api/v1/tickets/" + id + "/time-entries").then().statusCode(400)
                .body("violations[0].field", equalTo("endedAt"));
        as(TOM).body(entry(now, now.plus(2, ChronoUnit.HOURS), "Tomorrow's work"))
                .post("/api/v1/tickets/" + id + "/time-entries").then().statusCode(400)
                .body("violations[0].field", equalTo("endedAt"));
        as(TOM).body(entry(null, denver("2026-11-17T10:00:00"), null)).post("/api/v1/tickets/" + id + "/time-entries")
                .then().statusCode(400).body("violations[0].field", equalTo("startedAt"));
        as(TOM).body(entry(denver("2026-11-17T10:00:00"), denver("2026-11-17T11:00:00"), null))
                .post("/api/v1/tickets/00000000-0000-0000-0000-000000000000/time-entries").then().statusCode(404);
        assertThat(as(TOM).get("/api/v1/tickets/" + id + "/time-entries").then().statusCode(200).extract().jsonPath()
                .getList("$")).isEmpty();
    }
}
