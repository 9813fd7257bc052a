package org.eclipsesol.desk.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.as;

import java.util.List;
import java.util.Map;

import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.GraphQL;
import org.eclipsesol.desk.support.Problems;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Every instant a caller sends is checked against 2000-01-01..2100-01-01 (issue 8, point 11). */
@QuarkusTest
class DateRangeTest {

    private static final String FAR_FUTURE = "+999999999-12-31T23:59:59Z";

    @Test
    void aQuoteForTheYear999999999IsABadRequest() {
        Problems.assertViolations(as(ANA).queryParam("priority", "MEDIUM").queryParam("openedAt", FAR_FUTURE)
                .get("/api/v1/sla/quote"), "openedAt");
        Problems.assertViolations(as(ANA).queryParam("priority", "MEDIUM").queryParam("openedAt", "1970-01-01T00:00:00Z")
                .get("/api/v1/sla/quote"), "openedAt");
        as(ANA).queryParam("priority", "MEDIUM").queryParam("openedAt", "2026-11-27T16:00:00-07:00").get("/api/v1/sla/quote")
                .then().statusCode(200);
        var graphql = GraphQL.query(ANA,
                "query Q($at: DateTime) { slaQuote(priority: MEDIUM, openedAt: $at) { response { dueAt } } }",
                GraphQL.vars("at", FAR_FUTURE));
        assertThat(graphql.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void reportsRefuseInstantsOutOfRange() {
        Problems.assertViolations(as(SAM).queryParam("from", "2099-12-30").queryParam("to", FAR_FUTURE)
                .get("/api/v1/reports/sla"), "to");
        Problems.assertViolations(as(SAM).queryParam("from", "1999-12-01").queryParam("to", "2000-06-01")
                .get("/api/v1/reports/sla"), "from");
    }

    @Test
    void timeEntriesAndOpenedAtRefuseInstantsOutOfRange() {
        String id = Fixtures.clientTicket(ANA, Fixtures.unique("Old times"), "LOW").getString("id");
        Problems.assertViolations(as(TOM).body(Map.of("startedAt", "1970-01-01T00:00:00Z", "endedAt", "1970-01-01T01:00:00Z"))
                .post("/api/v1/tickets/" + id + "/time-entries"), "startedAt");
        Map<String, Object> ticket = Fixtures.ticketBody("Ancient call", "LOW");
        ticket.put("organizationId", Fixtures.acme());
        ticket.put("requesterEmail", ANA);
        ticket.put("openedAt", FAR_FUTURE);
        Problems.assertViolations(as(TOM).body(ticket).post("/api/v1/tickets"), "openedAt");
    }

    @Test
    void holidaysRefuseDatesOutOfRange() {
        Problems.assertViolations(as(SAM).body(List.of(Map.of("date", "+999999-12-25", "name", "Far Christmas")))
                .put("/api/v1/sla/holidays"), "[0].date");
    }
}
