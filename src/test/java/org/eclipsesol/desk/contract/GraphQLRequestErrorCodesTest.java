package org.eclipsesol.desk.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.GraphQL.query;

import java.util.Map;

import org.eclipsesol.desk.support.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Documents that do not parse or do not validate carry codes like every other error (issue 10, point 5). */
@QuarkusTest
class GraphQLRequestErrorCodesTest {

    @Test
    void anUnparseableDocumentIsGraphqlParseFailed() {
        JsonPath result = given().auth().oauth2(Api.token(ANA)).contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("query", "query { tickets { totalCount ")).post("/graphql").then().statusCode(200)
                .extract().jsonPath();
        assertThat(result.getString("errors[0].extensions.code")).isEqualTo("GRAPHQL_PARSE_FAILED");
        assertThat(result.getString("errors[0].extensions.classification")).isEqualTo("InvalidSyntax");
        assertThat(result.getString("errors[0].message")).isNotBlank();
        assertThat(result.prettify()).doesNotContain("org.eclipsesol", "java.");
    }

    @Test
    void aDocumentThatDoesNotValidateIsGraphqlValidationFailed() {
        JsonPath unknownField = query(ANA, "query { tickets { edges { node { secret } } } }");
        assertThat(unknownField.getString("errors[0].extensions.code")).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        JsonPath missingArgument = query(ANA, "query { ticket { id } }");
        assertThat(missingArgument.getString("errors[0].extensions.code")).isEqualTo("GRAPHQL_VALIDATION_FAILED");
    }

    @Test
    void aValidDocumentStillRuns() {
        JsonPath ok = query(ANA, "query { me { email } }");
        assertThat(ok.getString("data.me.email")).isEqualTo("ana@acme.example");
    }
}
