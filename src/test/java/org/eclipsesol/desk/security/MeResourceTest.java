package org.eclipsesol.desk.security;

import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.NOBODY;
import static org.eclipsesol.desk.support.Api.NORA;
import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.anonymous;
import static org.eclipsesol.desk.support.Api.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.eclipsesol.desk.support.Fixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MeResourceTest {

    @Test
    void clientIsResolvedToTheOrganizationOfTheirEmailDomain() {
        String acme = Fixtures.acme();
        as(ANA).get("/api/v1/me").then().statusCode(200)
                .body("subject", equalTo(ANA))
                .body("email", equalTo(ANA))
                .body("roles", containsInAnyOrder("client"))
                .body("organization.id", equalTo(acme))
                .body("organization.name", equalTo(Fixtures.ACME));
    }

    @Test
    void explicitMembershipWinsOverTheDomain() {
        String acme = Fixtures.acme();
        String other = as(SAM).body(java.util.Map.of("name", "Nowhere Partners " + System.nanoTime(), "emailDomains",
                java.util.List.of())).post("/api/v1/organizations").then().statusCode(201).extract().path("id");
        // nora's domain matches nothing; a membership links her.
        as(NORA).get("/api/v1/me").then().statusCode(200).body("organization", nullValue());
        as(SAM).body(java.util.Map.of("email", NORA)).post("/api/v1/organizations/" + other + "/members").then()
                .statusCode(201);
        as(NORA).get("/api/v1/me").then().statusCode(200).body("organization.id", equalTo(other));
        org.assertj.core.api.Assertions.assertThat(other).isNotEqualTo(acme);
    }

    @Test
    void supervisorHasBothStaffRolesAndNoOrganization() {
        as(SAM).get("/api/v1/me").then().statusCode(200)
                .body("roles", containsInAnyOrder("supervisor", "technician"))
                .body("organization", nullValue());
    }

    @Test
    void noTokenIsAProblem401() {
        anonymous().get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://support-desk.eclipsesol.org/problems/unauthenticated"))
                .body("status", equalTo(401));
    }

    @Test
    void aBadTokenIs401() {
        io.restassured.RestAssured.given().auth().oauth2("not-a-token").get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void userWithoutOurRolesMayReadMeButNotTickets() {
        as(NOBODY).get("/api/v1/me").then().statusCode(200).body("roles.size()", equalTo(0));
        as(NOBODY).get("/api/v1/tickets").then().statusCode(403).contentType("application/problem+json");
    }
}
