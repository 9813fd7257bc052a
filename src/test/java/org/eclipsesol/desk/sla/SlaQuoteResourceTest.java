package org.eclipsesol.desk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.sla.SlaTestSupport.US_HOLIDAYS;
import static org.eclipsesol.desk.sla.SlaTestSupport.at;
import static org.eclipsesol.desk.sla.SlaTestSupport.instant;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.CARLA;
import static org.eclipsesol.desk.support.Api.NOBODY;
import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.anonymous;
import static org.eclipsesol.desk.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** GET /api/v1/sla/quote: what a ticket opened at a given moment would get, with holidays and agreements. */
@QuarkusTest
class SlaQuoteResourceTest {

    private List<Map<String, Object>> savedHolidays;

    /**
     * The quotes below are for fixed dates in November and December 2026, so the clock is fixed too: the week
     * before them, when the policy in force is the one those dates get. Holidays are changed at the suite's own
     * time, before the travel and after the return, since a holiday edit re-derives every open ticket's figures.
     */
    @BeforeEach
    void useUsHolidaysInTheWeekBeforeTheQuotedDates() {
        Fixtures.acme();
        Fixtures.globex();
        savedHolidays = SlaTestSupport.holidays();
        SlaTestSupport.putHolidays(US_HOLIDAYS);
        TestClock.set(at("2026-11-20T12:00:00-07:00"));
    }

    @AfterEach
    void comeBackAndRestoreHolidays() {
        TestClock.reset();
        SlaTestSupport.putHolidays(savedHolidays);
    }

    private static JsonPath quote(RequestSpecification as, String priority, String openedAt) {
        return as.queryParam("priority", priority).queryParam("openedAt", openedAt).get("/api/v1/sla/quote").then()
                .statusCode(200).extract().jsonPath();
    }

    private static int currentVersion() {
        return as(TOM).get("/api/v1/sla/policies/current").then().statusCode(200).extract().path("version");
    }

    @Test
    void mediumOpenedFridayAfternoonIsDueMondayAfternoon() {
        JsonPath q = quote(as(ANA), "MEDIUM", "2026-11-27T16:00:00-07:00");
        assertThat(q.getString("priority")).isEqualTo("MEDIUM");
        assertThat(instant(q, "openedAt")).isEqualTo(at("2026-11-27T16:00:00-07:00"));
        assertThat(q.getInt("policyVersion")).isEqualTo(currentVersion());
        assertThat(q.getString("targetSource")).isEqualTo("POLICY");
        assertThat(q.getString("response.target")).isEqualTo("PT8H");
        assertThat(q.getString("response.clock")).isEqualTo("BUSINESS_HOURS");
        assertThat(q.getString("response.status")).isEqualTo("ON_TRACK");
        assertThat(q.getString("response.elapsed")).isEqualTo("PT0S");
        assertThat(q.getString("response.remaining")).isEqualTo("PT8H");
        assertThat(q.getString("response.metAt")).isNull();
        // Friday 16-17 (1h) + Monday 09-16 (7h); Thanksgiving the day before does not matter.
        assertThat(instant(q, "response.dueAt")).isEqualTo(at("2026-11-30T16:00:00-07:00"));
        assertThat(q.getString("resolution.target")).isEqualTo("PT48H");
        assertThat(q.getString("resolution.clock")).isEqualTo("BUSINESS_HOURS");
        // 1h Friday + 5 x 8h the next week = 41h, then 7h on Monday 2026-12-07.
        assertThat(instant(q, "resolution.dueAt")).isEqualTo(at("2026-12-07T16:00:00-07:00"));
    }

    @Test
    void theDayBeforeThanksgivingSkipsTheHoliday() {
        JsonPath medium = quote(as(TOM), "MEDIUM", "2026-11-25T16:00:00-07:00");
        // Wednesday 16-17, Thursday is Thanksgiving, Friday 09-16.
        assertThat(instant(medium, "response.dueAt")).isEqualTo(at("2026-11-27T16:00:00-07:00"));
        assertThat(instant(medium, "resolution.dueAt")).isEqualTo(at("2026-12-04T16:00:00-07:00"));

        JsonPath high = quote(as(TOM), "HIGH", "2026-11-25T16:00:00-07:00");
        assertThat(high.getString("response.target")).isEqualTo("PT2H");
        assertThat(instant(high, "response.dueAt")).isEqualTo(at("2026-11-27T10:00:00-07:00"));
        assertThat(high.getString("resolution.target")).isEqualTo("PT12H");
        assertThat(instant(high, "resolution.dueAt")).isEqualTo(at("2026-11-30T12:00:00-07:00"));

        // Without the holiday the same ticket would be due on Thursday: the holiday list is what moved it.
        SlaTestSupport.putHolidays(List.of());
        JsonPath noHoliday = quote(as(TOM), "MEDIUM", "2026-11-25T16:00:00-07:00");
        assertThat(instant(noHoliday, "response.dueAt")).isEqualTo(at("2026-11-26T16:00:00-07:00"));
    }

    @Test
    void christmasAndNewYearAreSkippedByLongTargets() {
        JsonPath low = quote(as(SAM), "LOW", "2026-12-24T12:00:00-07:00");
        assertThat(low.getString("response.target")).isEqualTo("PT24H");
        // Thu 12-17 (5h), Fri 25 holiday, Mon 28 + Tue 29 (16h), Wed 30 09-12 (3h).
        assertThat(instant(low, "response.dueAt")).isEqualTo(at("2026-12-30T12:00:00-07:00"));
        assertThat(low.getString("resolution.target")).isEqualTo("PT72H");
        // 5h + Dec 28-31 (32h) + Jan 1 holiday + Jan 4-7 (32h) + Fri Jan 8 09-12 (3h).
        assertThat(instant(low, "resolution.dueAt")).isEqualTo(at("2027-01-08T12:00:00-07:00"));
    }

    @Test
    void criticalRunsAroundTheClockEvenOnAHoliday() {
        JsonPath critical = quote(as(ANA), "CRITICAL", "2026-11-26T22:00:00-07:00");
        assertThat(critical.getString("response.clock")).isEqualTo("TWENTY_FOUR_SEVEN");
        assertThat(critical.getString("response.target")).isEqualTo("PT1H");
        assertThat(instant(critical, "response.dueAt")).isEqualTo(at("2026-11-26T23:00:00-07:00"));
        assertThat(critical.getString("resolution.clock")).isEqualTo("TWENTY_FOUR_SEVEN");
        assertThat(critical.getString("resolution.target")).isEqualTo("PT4H");
        assertThat(instant(critical, "resolution.dueAt")).isEqualTo(at("2026-11-27T02:00:00-07:00"));

        // Across the end of DST: 4 real hours, 3 on the wall clock.
        JsonPath dst = quote(as(ANA), "CRITICAL", "2026-11-01T01:30:00-06:00");
        assertThat(instant(dst, "resolution.dueAt")).isEqualTo(at("2026-11-01T04:30:00-07:00"));
    }

    @Test
    void globexAgreementOverridesHighTargets() {
        String globex = Fixtures.globex();
        String acme = Fixtures.acme();
        JsonPath q = as(SAM).queryParam("priority", "HIGH").queryParam("openedAt", "2026-11-30T10:00:00-07:00")
                .queryParam("organizationId", globex).get("/api/v1/sla/quote").then().statusCode(200).extract().jsonPath();
        assertThat(q.getString("targetSource")).isEqualTo("AGREEMENT");
        assertThat(q.getString("response.target")).isEqualTo("PT1H");
        assertThat(q.getString("response.clock")).isEqualTo("BUSINESS_HOURS");
        assertThat(instant(q, "response.dueAt")).isEqualTo(at("2026-11-30T11:00:00-07:00"));
        assertThat(q.getString("resolution.target")).isEqualTo("PT8H");
        // Monday 10-17 (7h) + Tuesday 09-10.
        assertThat(instant(q, "resolution.dueAt")).isEqualTo(at("2026-12-01T10:00:00-07:00"));

        // A Globex client gets the agreement without naming the organization.
        JsonPath carla = quote(as(CARLA), "HIGH", "2026-11-30T10:00:00-07:00");
        assertThat(carla.getString("targetSource")).isEqualTo("AGREEMENT");
        assertThat(carla.getString("response.target")).isEqualTo("PT1H");

        // Priorities the agreement does not override, and other organizations, keep the policy.
        JsonPath globexMedium = as(SAM).queryParam("priority", "MEDIUM").queryParam("openedAt", "2026-11-30T10:00:00-07:00")
                .queryParam("organizationId", globex).get("/api/v1/sla/quote").then().statusCode(200).extract().jsonPath();
        assertThat(globexMedium.getString("targetSource")).isEqualTo("POLICY");
        assertThat(globexMedium.getString("response.target")).isEqualTo("PT8H");
        JsonPath acmeHigh = as(SAM).queryParam("priority", "HIGH").queryParam("openedAt", "2026-11-30T10:00:00-07:00")
                .queryParam("organizationId", acme).get("/api/v1/sla/quote").then().statusCode(200).extract().jsonPath();
        assertThat(acmeHigh.getString("targetSource")).isEqualTo("POLICY");
        assertThat(acmeHigh.getString("response.target")).isEqualTo("PT2H");
        assertThat(instant(acmeHigh, "response.dueAt")).isEqualTo(at("2026-11-30T12:00:00-07:00"));
    }

    @Test
    void aClientCannotQuoteForAnotherOrganization() {
        String globex = Fixtures.globex();
        Fixtures.acme();
        as(ANA).queryParam("priority", "HIGH").queryParam("organizationId", globex).get("/api/v1/sla/quote").then()
                .statusCode(404).contentType("application/problem+json");
        as(SAM).queryParam("priority", "HIGH").queryParam("organizationId", UUID.randomUUID().toString())
                .get("/api/v1/sla/quote").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void withoutOpenedAtTheQuoteIsForNow() {
        Instant before = TestClock.now();
        JsonPath q = as(TOM).queryParam("priority", "CRITICAL").get("/api/v1/sla/quote").then().statusCode(200).extract()
                .jsonPath();
        Instant openedAt = instant(q, "openedAt");
        assertThat(openedAt).isBetween(before.minusSeconds(5), TestClock.now().plusSeconds(5));
        assertThat(instant(q, "response.dueAt")).isEqualTo(openedAt.plusSeconds(3600));
        assertThat(instant(q, "resolution.dueAt")).isEqualTo(openedAt.plusSeconds(4 * 3600));
    }

    @Test
    void invalidInputIs400() {
        as(TOM).get("/api/v1/sla/quote").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("priority"));
        as(TOM).queryParam("priority", "URGENT").get("/api/v1/sla/quote").then().statusCode(400)
                .body("violations[0].field", equalTo("priority"));
        as(TOM).queryParam("priority", "HIGH").queryParam("openedAt", "next tuesday").get("/api/v1/sla/quote").then()
                .statusCode(400).body("violations[0].field", equalTo("openedAt"));
        as(TOM).queryParam("priority", "HIGH").queryParam("openedAt", "2026-11-27T16:00:00").get("/api/v1/sla/quote")
                .then().statusCode(400).body("violations[0].field", equalTo("openedAt"));
        as(TOM).queryParam("priority", "HIGH").queryParam("organizationId", "not-a-uuid").get("/api/v1/sla/quote").then()
                .statusCode(400).body("violations[0].field", equalTo("organizationId"));
    }

    @Test
    void whoMayQuote() {
        anonymous().queryParam("priority", "HIGH").get("/api/v1/sla/quote").then().statusCode(401);
        as(NOBODY).queryParam("priority", "HIGH").get("/api/v1/sla/quote").then().statusCode(403)
                .contentType("application/problem+json");
    }
}
