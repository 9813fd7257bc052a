package org.eclipsesol.desk.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.net.URL;

import org.eclipsesol.desk.support.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
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

    /** The management interface (health, metrics): a port of its own, random in tests; paths under its /q root. */
    @TestHTTPResource(value = "health/ready", management = true)
    URL readiness;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void readinessIncludesTheDatabase() {
        given().get(readiness).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("database"));
    }

    @Test
    void prometheusMetricsAreExposedOnTheManagementPortOnly() {
        assertThat(metrics.getPort()).isNotEqualTo(io.restassured.RestAssured.port);
        assertThat(metrics.getPath()).isEqualTo("/q/metrics");
        given().get(metrics).then().statusCode(200)
                .body(containsString("http_server_requests_seconds"));
        // The public port does not serve them (business counters), nor health.
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
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
