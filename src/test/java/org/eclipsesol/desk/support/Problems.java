package org.eclipsesol.desk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Assertions on RFC 9457 problem+json answers. */
public final class Problems {

    public static final String TYPE_BASE = "https://support-desk.eclipsesol.org/problems/";

    private Problems() {
    }

    /**
     * Asserts an exact status with a complete problem+json body (type, title, status, detail) that leaks no
     * exception, Java class or package name. Returns the body for further checks.
     */
    public static JsonPath assertProblem(Response response, int status) {
        String body = response.asString();
        assertThat(response.statusCode()).as("status of %s", body).isEqualTo(status);
        assertThat(response.contentType()).as("content type of %s", body).startsWith("application/problem+json");
        assertThat(body).doesNotContain("Exception").doesNotContain("java.").doesNotContain("org.eclipsesol")
                .doesNotContain("\tat ");
        JsonPath json = response.jsonPath();
        assertThat(json.getString("type")).as("type").startsWith(TYPE_BASE);
        assertThat(json.getString("title")).as("title").isNotBlank();
        assertThat(json.getInt("status")).as("status field").isEqualTo(status);
        assertThat(json.getString("detail")).as("detail").isNotBlank();
        return json;
    }

    /** {@link #assertProblem} plus the problem type's slug (e.g. "validation", "not-found"). */
    public static JsonPath assertProblem(Response response, int status, String typeSlug) {
        JsonPath json = assertProblem(response, status);
        assertThat(json.getString("type")).isEqualTo(TYPE_BASE + typeSlug);
        return json;
    }

    /** A 400 "validation" problem whose violations name exactly these fields, each with a message. */
    public static JsonPath assertViolations(Response response, String... fields) {
        JsonPath json = assertProblem(response, 400, "validation");
        List<Map<String, Object>> violations = json.getList("violations");
        assertThat(violations).as("violations of %s", response.asString()).isNotEmpty();
        assertThat(violations).allSatisfy(v -> assertThat((String) v.get("message")).isNotBlank());
        assertThat(violations.stream().map(v -> (String) v.get("field")).distinct().toList())
                .containsExactlyInAnyOrder(fields);
        return json;
    }
}
