package org.eclipsesol.desk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.sla.SlaTestSupport.at;
import static org.eclipsesol.desk.sla.SlaTestSupport.denver;
import static org.eclipsesol.desk.sla.SlaTestSupport.holiday;
import static org.eclipsesol.desk.sla.SlaTestSupport.instant;
import static org.eclipsesol.desk.sla.SlaTestSupport.patch;
import static org.eclipsesol.desk.sla.SlaTestSupport.ticket;
import static org.eclipsesol.desk.sla.SlaTestSupport.timeline;
import static org.eclipsesol.desk.sla.SlaTestSupport.unique;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.anonymous;
import static org.eclipsesol.desk.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipsesol.desk.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** GET/PUT /api/v1/sla/holidays. Holidays are global: the list in place before each test is put back after it. */
@QuarkusTest
class SlaHolidaysResourceTest {

    private List<Map<String, Object>> saved;

    @BeforeEach
    void save() {
        saved = SlaTestSupport.holidays();
    }

    @AfterEach
    void restore() {
        SlaTestSupport.putHolidays(saved);
    }

    @Test
    void aSupervisorReplacesTheListAndEveryoneMayReadIt() {
        Fixtures.acme();
        List<Map<String, Object>> body = List.of(holiday("2027-01-01", "New Year's Day"),
                holiday("2026-12-25", " Christmas Day "), holiday("2026-11-26", "Thanksgiving Day"));
        List<Map<String, Object>> answer = as(SAM).body(body).put("/api/v1/sla/holidays").then().statusCode(200).extract()
                .jsonPath().getList("$");
        List<Map<String, Object>> sorted = List.of(holiday("2026-11-26", "Thanksgiving Day"),
                holiday("2026-12-25", "Christmas Day"), holiday("2027-01-01", "New Year's Day"));
        assertThat(answer).isEqualTo(sorted);
        assertThat(as(ANA).get("/api/v1/sla/holidays").then().statusCode(200).extract().jsonPath().getList("$"))
                .isEqualTo(sorted);
        assertThat(as(TOM).get("/api/v1/sla/holidays").then().statusCode(200).extract().jsonPath().getList("$"))
                .isEqualTo(sorted);

        // Replacing means replacing: an empty list removes them all.
        assertThat(as(SAM).body(List.of()).put("/api/v1/sla/holidays").then().statusCode(200).extract().jsonPath()
                .getList("$")).isEmpty();
        anonymous().get("/api/v1/sla/holidays").then().statusCode(401);
    }

    @Test
    void onlyASupervisorMayEditAndInvalidListsChangeNothing() {
        List<Map<String, Object>> before = List.of(holiday("2026-12-25", "Christmas Day"));
        SlaTestSupport.putHolidays(before);
        List<Map<String, Object>> attempt = List.of(holiday("2026-12-24", "Christmas Eve"));
        as(TOM).body(attempt).put("/api/v1/sla/holidays").then().statusCode(403).contentType("application/problem+json");
        Fixtures.acme();
        as(ANA).body(attempt).put("/api/v1/sla/holidays").then().statusCode(403);
        anonymous().body(attempt).put("/api/v1/sla/holidays").then().statusCode(401);

        as(SAM).body(List.of(holiday("2026-12-24", "Christmas Eve"), holiday("2026-12-24", "Again")))
                .put("/api/v1/sla/holidays").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("[1].date"));
        as(SAM).body(List.of(holiday("2026-12-24", ""))).put("/api/v1/sla/holidays").then().statusCode(400);
        as(SAM).body(List.of(holiday("2026-13-01", "Nope"))).put("/api/v1/sla/holidays").then().statusCode(400);
        as(SAM).body(List.of(Map.of("name", "No date"))).put("/api/v1/sla/holidays").then().statusCode(400);
        as(SAM).body(Map.of("date", "2026-12-24")).put("/api/v1/sla/holidays").then().statusCode(400);

        assertThat(SlaTestSupport.holidays()).isEqualTo(before);
    }

    @Test
    void holidaysMoveOpenTicketsButClosedTicketsKeepTheirFigures() {
        SlaTestSupport.putHolidays(List.of());
        // Two MEDIUM tickets opened Friday 2026-11-06 16:00 Denver: one stays open, one is resolved and closed.
        String open = Fixtures.staffTicket(TOM, Fixtures.acme(), ANA, unique("Holiday open"), "MEDIUM",
                denver("2026-11-06T16:00:00")).getString("id");
        String closed = Fixtures.staffTicket(TOM, Fixtures.acme(), ANA, unique("Holiday closed"), "MEDIUM",
                denver("2026-11-06T16:00:00")).getString("id");
        patch(TOM, closed, Map.of("status", "RESOLVED"));
        JsonPath closedBefore = patch(ANA, closed, Map.of("status", "CLOSED"));
        assertThat(closedBefore.getBoolean("sla.frozen")).isTrue();
        assertThat(instant(closedBefore, "sla.response.dueAt")).isEqualTo(at("2026-11-09T16:00:00-07:00"));
        assertThat(instant(closedBefore, "sla.resolution.dueAt")).isEqualTo(at("2026-11-16T16:00:00-07:00"));

        JsonPath openBefore = ticket(open);
        assertThat(openBefore.getBoolean("sla.frozen")).isFalse();
        assertThat(instant(openBefore, "sla.response.dueAt")).isEqualTo(at("2026-11-09T16:00:00-07:00"));
        assertThat(instant(openBefore, "sla.resolution.dueAt")).isEqualTo(at("2026-11-16T16:00:00-07:00"));

        List<Map<String, Object>> withHoliday = new ArrayList<>();
        withHoliday.add(holiday("2026-11-09", "Office closed (test)"));
        SlaTestSupport.putHolidays(withHoliday);

        JsonPath openAfter = ticket(open);
        // Monday is now a holiday: both due moments move by one business day.
        assertThat(instant(openAfter, "sla.response.dueAt")).isEqualTo(at("2026-11-10T16:00:00-07:00"));
        assertThat(instant(openAfter, "sla.resolution.dueAt")).isEqualTo(at("2026-11-17T16:00:00-07:00"));
        JsonPath openTimeline = timeline(open);
        assertThat(openTimeline.getBoolean("consistent")).as("stored columns follow the holiday edit").isTrue();
        assertThat(openTimeline.getList("response.segments.kind", String.class))
                .startsWith("COUNTING", "OUTSIDE_HOURS", "COUNTING");
        // Friday 17:00 to Tuesday 09:00 is one stretch outside business hours now.
        assertThat(instant(openTimeline, "response.segments[1].to")).isEqualTo(at("2026-11-10T09:00:00-07:00"));

        JsonPath closedAfter = ticket(closed);
        assertThat(closedAfter.getBoolean("sla.frozen")).isTrue();
        assertThat(closedAfter.getMap("sla")).as("a closed ticket keeps the figures it was closed with")
                .isEqualTo(closedBefore.getMap("sla"));
        assertThat(timeline(closed).getBoolean("consistent")).isTrue();
    }
}
