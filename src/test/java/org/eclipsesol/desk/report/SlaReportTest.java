package org.eclipsesol.desk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.NOBODY;
import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.anonymous;
import static org.eclipsesol.desk.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipsesol.desk.support.Db;
import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.GraphQL;
import org.eclipsesol.desk.support.TestClock;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** SLA reports: counts per group, exclusions and cancellations apart, CSV, who sees what. */
@QuarkusTest
class SlaReportTest {

    /** An organization of its own with four CRITICAL (24/7) tickets, so the figures do not depend on the hour. */
    private static String reportOrganization() {
        String org = as(SAM).body(Map.of("name", "Report Co " + UUID.randomUUID(), "emailDomains", List.of()))
                .post("/api/v1/organizations").then().statusCode(201).extract().path("id");
        Instant now = TestClock.now();
        // Answered within its hour: response MET.
        String answered = Fixtures
                .staffTicket(TOM, org, "a@report.example", "Answered", "CRITICAL", now.minus(10, ChronoUnit.MINUTES))
                .getString("id");
        as(TOM).body(Map.of("status", "IN_PROGRESS")).patch("/api/v1/tickets/" + answered).then().statusCode(200);
        // Nobody answered for two hours: response BREACHED (resolution still open).
        Fixtures.staffTicket(TOM, org, "b@report.example", "Unanswered", "CRITICAL", now.minus(2, ChronoUnit.HOURS));
        // Excluded and cancelled tickets are counted apart.
        String excluded = Fixtures.staffTicket(TOM, org, "c@report.example", "Third party", "CRITICAL", now).getString("id");
        as(TOM).body(Map.of("exclusion", "THIRD_PARTY", "exclusionNote", "Vendor firmware"))
                .patch("/api/v1/tickets/" + excluded)
                .then().statusCode(200);
        String cancelled = Fixtures.staffTicket(TOM, org, "d@report.example", "Duplicate", "CRITICAL", now).getString("id");
        as(TOM).body(Map.of("status", "CANCELLED")).patch("/api/v1/tickets/" + cancelled).then().statusCode(200);
        return org;
    }

    @Test
    void countsPerOrganizationWithExclusionsAndCancellationsApart() {
        String org = reportOrganization();
        JsonPath report = as(SAM).queryParam("groupBy", "organization")
                .queryParam("from", TestClock.now().minus(1, ChronoUnit.DAYS).toString())
                .queryParam("to", TestClock.now().plus(1, ChronoUnit.MINUTES).toString())
                .get("/api/v1/reports/sla").then().statusCode(200).extract().jsonPath();
        Map<String, Object> row = report.getMap("rows.find { it.key == '" + org + "' }");
        assertThat(row).isNotNull();
        assertThat(row.get("tickets")).isEqualTo(4);
        assertThat(row.get("excluded")).isEqualTo(1);
        assertThat(row.get("cancelled")).isEqualTo(1);
        assertThat(row.get("billable")).isEqualTo(1);
        JsonPath r = JsonPath.from(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(row).toString());
        assertThat(r.getInt("response.met")).isEqualTo(1);
        assertThat(r.getInt("response.breached")).isEqualTo(1);
        assertThat(r.getDouble("response.compliance")).isEqualTo(0.5);
        assertThat(r.getInt("resolution.open")).isEqualTo(2);
        assertThat(r.getString("resolution.compliance")).isNull();
        assertThat(report.getInt("total.tickets")).isGreaterThanOrEqualTo(4);
        assertThat(report.getString("groupBy")).isEqualTo("ORGANIZATION");
    }

    @Test
    void csvWithAcceptTextCsv() {
        String org = reportOrganization();
        String csv = as(SAM).accept("text/csv").queryParam("groupBy", "organization").get("/api/v1/reports/sla").then()
                .statusCode(200).contentType("text/csv").extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("group,label,tickets,excluded,cancelled,billable,backlog,reopened,response_met");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("\"" + org + "\",").contains(",4,1,1,1,3,0,1,1,"));
        assertThat(lines.get(lines.size() - 1)).startsWith("\"TOTAL\",\"All tickets\",");
    }

    @Test
    void decidedFiguresAreStoredWhenDecidedAndClearedOnReopen() {
        String figuresOrg = as(SAM).body(Map.of("name", "Figures Co " + UUID.randomUUID(), "emailDomains", List.of()))
                .post("/api/v1/organizations").then().statusCode(201).extract().path("id");
        String id = Fixtures.staffTicket(TOM, figuresOrg, "f@report.example", "Figures", "CRITICAL",
                TestClock.now().minus(30, ChronoUnit.MINUTES)).getString("id");
        String figures = "select sla_figures_version, sla_response_on_time, sla_response_elapsed_us, sla_response_calendar_us,"
                + " sla_resolution_on_time, sla_resolution_met_at, reopen_count from ticket where id = ?";
        Map<String, String> open = Db.rows(figures, UUID.fromString(id)).get(0);
        assertThat(open.get("sla_figures_version")).isEqualTo("1");
        assertThat(open.get("sla_response_on_time")).isNull();
        as(TOM).body(Map.of("status", "IN_PROGRESS")).patch("/api/v1/tickets/" + id).then().statusCode(200);
        as(TOM).body(Map.of("status", "RESOLVED")).patch("/api/v1/tickets/" + id).then().statusCode(200);
        Map<String, String> resolved = Db.rows(figures, UUID.fromString(id)).get(0);
        assertThat(resolved.get("sla_response_on_time")).isEqualTo("t");
        assertThat(Long.parseLong(resolved.get("sla_response_elapsed_us"))).isGreaterThanOrEqualTo(30 * 60 * 1_000_000L);
        assertThat(resolved.get("sla_response_calendar_us")).isEqualTo(resolved.get("sla_response_elapsed_us"));
        assertThat(resolved.get("sla_resolution_on_time")).isEqualTo("t");
        assertThat(resolved.get("sla_resolution_met_at")).isNotNull();
        as(TOM).body(Map.of("status", "IN_PROGRESS")).patch("/api/v1/tickets/" + id).then().statusCode(200);
        Map<String, String> reopened = Db.rows(figures, UUID.fromString(id)).get(0);
        assertThat(reopened.get("sla_resolution_on_time")).isNull();
        assertThat(reopened.get("sla_response_on_time")).isEqualTo("t");
        assertThat(reopened.get("reopen_count")).isEqualTo("1");
    }

    @Test
    void anyMediaTypeGetsJsonAndIntervalsMakeASeries() {
        reportOrganization();
        as(SAM).accept("*/*").get("/api/v1/reports/sla").then().statusCode(200).contentType("application/json")
                .body("total.tickets", org.hamcrest.Matchers.greaterThanOrEqualTo(4));
        as(SAM).accept("text/csv;q=0.5, application/json").get("/api/v1/reports/sla").then().statusCode(200)
                .contentType("application/json");
        JsonPath daily = as(SAM).queryParam("interval", "day").queryParam("from", TestClock.now().minus(3, ChronoUnit.DAYS)
                .toString()).queryParam("to", TestClock.now().plus(1, ChronoUnit.MINUTES).toString())
                .get("/api/v1/reports/sla").then().statusCode(200).extract().jsonPath();
        assertThat(daily.getString("interval")).isEqualTo("DAY");
        assertThat(daily.getList("series")).hasSizeBetween(4, 5);
        assertThat(daily.getList("series.total.tickets", Integer.class).stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(daily.getInt("total.tickets"));
        as(SAM).queryParam("interval", "hour").get("/api/v1/reports/sla").then().statusCode(400)
                .body("violations[0].field", equalTo("interval"));
        JsonPath graphql = GraphQL.query(SAM, "{ slaReport(interval: \"WEEK\") { interval total { tickets backlog reopened"
                + " response { medianElapsed p90Elapsed medianCalendar p90Calendar } } series { from to total { tickets } } } }",
                Map.of());
        assertThat(graphql.getString("data.slaReport.interval")).isEqualTo("WEEK");
        assertThat(graphql.getList("data.slaReport.series")).isNotEmpty();
    }

    @Test
    void aClientSeesTheirOrganizationOnly() {
        String acme = Fixtures.acme();
        reportOrganization();
        Fixtures.clientTicket(ANA, "Counted for Acme " + UUID.randomUUID(), "LOW");
        JsonPath report = as(ANA).queryParam("groupBy", "organization").get("/api/v1/reports/sla").then().statusCode(200)
                .extract().jsonPath();
        assertThat(report.getList("rows.key")).containsExactly(acme);
        JsonPath graphql = GraphQL.query(ANA, "query R($g: String) { slaReport(groupBy: $g) { rows { key tickets } } }",
                GraphQL.vars("g", "ORGANIZATION"));
        assertThat(graphql.getList("data.slaReport.rows.key")).containsExactly(acme);
    }

    @Test
    void badParametersAndRoles() {
        as(SAM).queryParam("groupBy", "weather").get("/api/v1/reports/sla").then().statusCode(400)
                .body("violations[0].field", equalTo("groupBy"));
        as(SAM).queryParam("from", "2026-11-10").queryParam("to", "2026-11-01").get("/api/v1/reports/sla").then()
                .statusCode(400).body("violations[0].field", equalTo("to"));
        as(SAM).queryParam("from", "yesterday").get("/api/v1/reports/sla").then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
        as(SAM).queryParam("from", "2024-01-01").queryParam("to", "2026-01-01").get("/api/v1/reports/sla").then()
                .statusCode(400);
        as(NOBODY).get("/api/v1/reports/sla").then().statusCode(403);
        anonymous().get("/api/v1/reports/sla").then().statusCode(401);
    }
}
