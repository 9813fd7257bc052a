package org.eclipsesol.desk.security;

import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.DAN;
import static org.eclipsesol.desk.support.Api.NOBODY;
import static org.eclipsesol.desk.support.Api.NORA;
import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.anonymous;
import static org.eclipsesol.desk.support.Api.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

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
    void aMembershipLinksAClientWhoseDomainMatchesNothing() {
        String partners = newOrganization("Nowhere Partners ");
        as(NORA).get("/api/v1/me").then().statusCode(200).body("organization", nullValue());
        try {
            as(SAM).body(Map.of("email", NORA)).post("/api/v1/organizations/" + partners + "/members").then().statusCode(201);
            as(NORA).get("/api/v1/me").then().statusCode(200).body("organization.id", equalTo(partners));
        } finally {
            Fixtures.ensureNoOrganization(NORA);
        }
    }

    @Test
    void explicitMembershipWinsOverTheDomain() {
        String globex = Fixtures.globex();
        String contractor = newOrganization("Contracting Co ");
        // dan's domain (globex.example) makes him a Globex client...
        as(DAN).get("/api/v1/me").then().statusCode(200).body("organization.id", equalTo(globex));
        try {
            // ...until a supervisor makes him a member elsewhere.
            as(SAM).body(Map.of("email", DAN)).post("/api/v1/organizations/" + contractor + "/members").then()
                    .statusCode(201);
            as(DAN).get("/api/v1/me").then().statusCode(200).body("organization.id", equalTo(contractor));
        } finally {
            Fixtures.ensureNoOrganization(DAN);
        }
        as(DAN).get("/api/v1/me").then().statusCode(200).body("organization.id", equalTo(globex));
    }

    private static String newOrganization(String namePrefix) {
        return as(SAM).body(Map.of("name", namePrefix + UUID.randomUUID(), "emailDomains", List.of()))
                .post("/api/v1/organizations").then().statusCode(201).extract().path("id");
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
