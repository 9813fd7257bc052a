package org.eclipsesol.desk.contract;

import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.as;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;

import org.eclipsesol.desk.support.Fixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A typo in a query parameter is refused, never silently ignored (issue 10, point 13). */
@QuarkusTest
class UnknownQueryParametersTest {

    @Test
    void anUnknownQueryParameterIs400ProblemJson() {
        Fixtures.acme();
        as(ANA).get("/api/v1/tickets?updated_after=2030-01-01T00:00:00Z").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/problems/bad-request"))
                .body("violations.field", hasItem("updated_after"));
        as(ANA).get("/api/v1/me?verbose=true").then().statusCode(400);
        as(ANA).get("/api/v1/tickets?limit=5&status=NEW").then().statusCode(200);
    }
}
