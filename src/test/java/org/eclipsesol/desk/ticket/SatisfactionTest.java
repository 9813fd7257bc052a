package org.eclipsesol.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.BEN;
import static org.eclipsesol.desk.support.Api.CARLA;
import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.GraphQL;
import org.eclipsesol.desk.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Satisfaction: a client rates a resolved (or recently closed) ticket once; who sees it; reports count it. */
@QuarkusTest
class SatisfactionTest {

    @AfterEach
    void home() {
        TestClock.reset();
    }

    private static String resolvedAcmeTicket(String title) {
        Fixtures.acme();
        String id = Fixtures.clientTicket(ANA, Fixtures.unique(title), "LOW").getString("id");
        as(TOM).body(Map.of("status", "RESOLVED")).patch("/api/v1/tickets/" + id).then().statusCode(200);
        return id;
    }

    @Test
    void aClientRatesOnceAndABadRatingOffersEscalation() {
        Fixtures.acme();
        String open = Fixtures.clientTicket(ANA, Fixtures.unique("Not yet"), "LOW").getString("id");
        as(ANA).body(Map.of("rating", "GOOD")).post("/api/v1/tickets/" + open + "/satisfaction").then().statusCode(409);

        String id = resolvedAcmeTicket("Rated bad");
        as(TOM).body(Map.of("rating", "GOOD")).post("/api/v1/tickets/" + id + "/satisfaction").then().statusCode(403);
        as(CARLA).body(Map.of("rating", "GOOD")).post("/api/v1/tickets/" + id + "/satisfaction").then().statusCode(404);
        as(ANA).body(Map.of("rating", "MEH")).post("/api/v1/tickets/" + id + "/satisfaction").then().statusCode(400);
        as(ANA).body(Map.of("comment", "no rating")).post("/api/v1/tickets/" + id + "/satisfaction").then().statusCode(400);
        JsonPath rated = as(ANA).body(Map.of("rating", "BAD", "comment", "Took too long"))
                .post("/api/v1/tickets/" + id + "/satisfaction").then().statusCode(201).extract().jsonPath();
        assertThat(rated.getString("satisfaction.rating")).isEqualTo("BAD");
        assertThat(rated.getString("satisfaction.comment")).isEqualTo("Took too long");
        assertThat(rated.getString("escalation.href")).isEqualTo("/api/v1/tickets/" + id + "/escalations");
        as(ANA).body(Map.of("rating", "GOOD")).post("/api/v1/tickets/" + id + "/satisfaction").then().statusCode(409);
        // The offer works: the client escalates the resolved ticket.
        as(ANA).body(Map.of("reason", rated.getString("escalation.suggestedReason"))).post(rated.getString("escalation.href"))
                .then().statusCode(201);

        as(TOM).get("/api/v1/tickets/" + id).then().statusCode(200).body("satisfaction.rating", equalTo("BAD"));
        as(ANA).get("/api/v1/tickets/" + id).then().statusCode(200).body("satisfaction.comment", equalTo("Took too long"));
        as(BEN).get("/api/v1/tickets/" + id).then().statusCode(200).body("satisfaction", nullValue());
        as(TOM).get("/api/v1/tickets/" + id + "/events").then().statusCode(200);

        JsonPath report = as(SAM).queryParam("groupBy", "organization").get("/api/v1/reports/sla").then().statusCode(200)
                .extract().jsonPath();
        assertThat(report.getInt("rows.find { it.key == '" + Fixtures.acme() + "' }.satisfaction.bad"))
                .isGreaterThanOrEqualTo(1);
        assertThat(report.getInt("total.satisfaction.bad")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void closedTicketsWithinSevenDaysThroughGraphQL() {
        String id = resolvedAcmeTicket("Confirmed");
        as(ANA).body(Map.of("status", "CLOSED")).patch("/api/v1/tickets/" + id).then().statusCode(200);
        String mutation = "mutation R($id: ID!, $r: SatisfactionRating!) { rateTicket(ticketId: $id, input: {rating: $r}) "
                + "{ satisfaction { rating ratedAt } escalation { href } } }";
        JsonPath ok = GraphQL.query(ANA, mutation, GraphQL.vars("id", id, "r", "GOOD"));
        assertThat(ok.getString("data.rateTicket.satisfaction.rating")).isEqualTo("GOOD");
        assertThat(ok.getString("data.rateTicket.escalation")).isNull();
        JsonPath again = GraphQL.query(ANA, mutation, GraphQL.vars("id", id, "r", "BAD"));
        assertThat(again.getString("errors[0].extensions.code")).isEqualTo("CONFLICT");

        String late = resolvedAcmeTicket("Closed long ago");
        as(ANA).body(Map.of("status", "CLOSED")).patch("/api/v1/tickets/" + late).then().statusCode(200);
        TestClock.set(TestClock.now().plus(Duration.ofDays(7)).plus(1, ChronoUnit.HOURS));
        as(ANA).body(Map.of("rating", "GOOD")).post("/api/v1/tickets/" + late + "/satisfaction").then().statusCode(409);
        JsonPath staffView = GraphQL.query(TOM, "query T($id: ID!) { ticket(id: $id) { satisfaction { rating } } }",
                GraphQL.vars("id", id));
        assertThat(staffView.getString("data.ticket.satisfaction.rating")).isEqualTo("GOOD");
    }
}
