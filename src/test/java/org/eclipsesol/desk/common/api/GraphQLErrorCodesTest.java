package org.eclipsesol.desk.common.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.GraphQL.query;

import java.util.List;
import java.util.Map;

import org.eclipsesol.desk.support.Fixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** GraphQL error codes are only ours (issue 8, point 6). */
@QuarkusTest
class GraphQLErrorCodesTest {

    private static final List<String> OURS = List.of("BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED",
            "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT",
            "RATE_LIMITED", "INTERNAL_SERVER_ERROR");

    @Test
    void aCodeDerivedFromAnExceptionClassBecomesInternalServerErrorWithAReference() {
        JsonPath result = query(ANA, "{ testOnlyFailure }");
        assertThat(result.getString("errors[0].extensions.code")).isEqualTo("INTERNAL_SERVER_ERROR");
        assertThat(result.getString("errors[0].message"))
                .matches("An unexpected error occurred \\(reference [0-9a-f-]{36}\\)\\.");
        assertThat(result.getString("errors[0].extensions.problem")).endsWith("/problems/internal");
        assertThat(result.prettify()).doesNotContain("null-pointer").doesNotContain("NullPointer");
        assertThat(result.getList("errors[0].path")).containsExactly("testOnlyFailure");
    }

    @Test
    void ourOwnCodesAreKept() {
        Fixtures.acme();
        JsonPath missing = query(ANA, "query T($id: ID!) { ticket(id: $id) { id } }",
                Map.of("id", java.util.UUID.randomUUID().toString()));
        assertThat(missing.getString("errors[0].extensions.code")).isEqualTo("NOT_FOUND");
        JsonPath anonymous = query(null, "{ testOnlyFailure }");
        assertThat(OURS).contains(anonymous.getString("errors[0].extensions.code"));
        assertThat(anonymous.getString("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
    }
}
