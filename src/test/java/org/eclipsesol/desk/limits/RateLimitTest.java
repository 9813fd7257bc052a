package org.eclipsesol.desk.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipsesol.desk.support.Api;
import org.eclipsesol.desk.support.Problems;
import org.eclipsesol.desk.support.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Per-caller rate limits with small budgets (see {@link LowLimitsProfile}): 429 problem+json with Retry-After and
 * the IETF RateLimit headers, separate budgets per kind, per caller, per sender for e-mail (issue 8, point 8).
 */
@QuarkusTest
@TestProfile(LowLimitsProfile.class)
class RateLimitTest {

    private static String freshClient() {
        return Tokens.subject("rl-" + UUID.randomUUID()).email("rl@nowhere.example", true).realmRoles(List.of("client"))
                .sign();
    }

    @Test
    void aCallerOverTheReadBudgetGets429WithRetryAfterAndRateLimitHeaders() {
        String token = freshClient();
        for (int i = 0; i < 5; i++) {
            Response ok = Api.withToken(token).get("/api/v1/me");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.header("RateLimit-Policy")).isEqualTo("\"reads\";q=5;w=60");
            assertThat(ok.header("RateLimit")).startsWith("\"reads\";r=" + (4 - i) + ";t=");
        }
        Response refused = Api.withToken(token).get("/api/v1/me");
        Problems.assertProblem(refused, 429, "too-many-requests");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(refused.header("RateLimit")).startsWith("\"reads\";r=0;t=");
        assertThat(refused.header("RateLimit-Policy")).isEqualTo("\"reads\";q=5;w=60");
        // GraphQL reads spend the same budget.
        assertThat(RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("query", "{ me { subject } }")).post("/graphql").statusCode()).isEqualTo(429);
        // Writes have a budget of their own, and another caller is not affected.
        assertThat(Api.withToken(token).body(Map.of("title", "x")).post("/api/v1/tickets").statusCode()).isNotEqualTo(429);
        Api.withToken(freshClient()).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void escalationsHaveTheirOwnSmallBudget() {
        String token = freshClient();
        String url = "/api/v1/tickets/" + UUID.randomUUID() + "/escalations";
        // 403 (no organization) still spends the budget: the limit runs before the resource.
        assertThat(Api.withToken(token).body(Map.of("reason", "x")).post(url).statusCode()).isEqualTo(403);
        Response refused = Api.withToken(token).body(Map.of("reason", "x")).post(url);
        Problems.assertProblem(refused, 429, "too-many-requests");
        assertThat(refused.header("RateLimit-Policy")).isEqualTo("\"escalations\";q=1;w=3600");
    }

    @Test
    void requestsWithoutATokenAreLimitedPerAddress() {
        int last = 0;
        for (int i = 0; i < 6; i++) {
            last = RestAssured.given().accept(ContentType.JSON).get("/api/v1/sla/policies/current").statusCode();
        }
        assertThat(last).isEqualTo(429);
    }

    @Test
    void eachMailSenderHasABudget() {
        String gateway = Tokens.gateway();
        String sender = "flood-" + UUID.randomUUID() + "@unknown.example";
        for (int i = 0; i < 2; i++) {
            Api.withToken(gateway).body(mail(sender)).post("/api/v1/intake/email").then().statusCode(422);
        }
        Response refused = Api.withToken(gateway).body(mail(sender)).post("/api/v1/intake/email");
        Problems.assertProblem(refused, 429, "too-many-requests");
        assertThat(refused.header("Retry-After")).isNotBlank();
        // Another sender still gets through to the (refusing) intake.
        Api.withToken(gateway).body(mail("other-" + UUID.randomUUID() + "@unknown.example")).post("/api/v1/intake/email")
                .then().statusCode(422);
    }

    @Test
    void rolesFromGroupsAreAnExplicitOptIn() {
        String token = Tokens.subject("grp-" + UUID.randomUUID()).email("grp@eclipsesol.org", true).realmRoles(List.of())
                .groups(List.of("technician")).sign();
        Api.withToken(token).get("/api/v1/me").then().statusCode(200).body("roles", hasItem("technician"));
    }

    private static Map<String, Object> mail(String from) {
        Map<String, Object> m = new HashMap<>();
        m.put("messageId", "<" + UUID.randomUUID() + "@mail.example>");
        m.put("from", from);
        m.put("subject", "hello");
        m.put("text", "hi");
        m.put("authenticated", true);
        return m;
    }
}
