package org.eclipsesol.desk.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.eclipsesol.desk.support.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** OpenAPI, health (with the database readiness check), metrics, and problem+json for unknown paths and huge bodies. */
@QuarkusTest
class PlatformEndpointsTest {

    @Test
    void openApiDocumentsTheContractAndTheSecurityScheme() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/tickets"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/tickets/{id}/sla/timeline"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/sla/quote"))
                .body("components.securitySchemes.oidc.type", equalTo("openIdConnect"))
                .body("components.schemas.TicketView.properties.number.examples", hasItem("T-10042"));
    }

    @Test
    void readinessIncludesTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds"));
    }

    @Test
    void unknownPathIsAProblem404() {
        Api.as(Api.TOM).get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://support-desk.eclipsesol.org/problems/not-found"));
    }

    @Test
    void bodyOverTheHttpLimitIsAProblem413() throws Exception {
        // The server refuses on the declared length and closes the connection without reading the body.
        String response = org.eclipsesol.desk.support.RawHttp.declaredBody("/api/v1/tickets", Api.TOM, "application/json",
                12L * 1024 * 1024);
        org.assertj.core.api.Assertions.assertThat(response)
                .startsWith("HTTP/1.1 413")
                .containsIgnoringCase("content-type: application/problem+json")
                .contains("\"status\":413")
                .doesNotContain("Exception");
    }
}
