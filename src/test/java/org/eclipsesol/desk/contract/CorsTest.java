package org.eclipsesol.desk.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** CORS for browser portals (issue 10, point 12): only configured origins, on REST and /graphql. */
@QuarkusTest
@TestProfile(CorsTest.PortalOrigin.class)
class CorsTest {

    public static class PortalOrigin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.cors.origins", "https://portal.acme.example");
        }
    }

    private static Response preflight(String origin, String path, String method) {
        return given().header("Origin", origin).header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "authorization,if-match,idempotency-key,content-type")
                .options(path);
    }

    @Test
    void theAllowedOriginGetsThePreflightForRestAndGraphql() {
        for (String path : new String[] { "/api/v1/tickets/1", "/graphql" }) {
            Response answer = preflight("https://portal.acme.example", path, path.equals("/graphql") ? "POST" : "PATCH");
            assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("https://portal.acme.example");
            assertThat(answer.header("Access-Control-Allow-Methods")).contains(path.equals("/graphql") ? "POST" : "PATCH");
            assertThat(answer.header("Access-Control-Allow-Headers").toLowerCase())
                    .contains("authorization", "if-match", "idempotency-key", "content-type");
        }
        Response get = given().header("Origin", "https://portal.acme.example").get("/api/v1/me");
        assertThat(get.header("Access-Control-Expose-Headers")).contains("ETag", "Location", "Retry-After", "RateLimit");
    }

    @Test
    void anotherOriginIsNotAllowed() {
        Response answer = preflight("https://evil.example", "/api/v1/tickets", "POST");
        assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
    }
}
