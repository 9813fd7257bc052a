package org.eclipsesol.desk.support;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** GraphQL requests as a demo user: always a document plus variables, never values spliced into the query. */
public final class GraphQL {

    private GraphQL() {
    }

    public static ValidatableResponse post(String user, String query, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables == null ? Map.of() : variables);
        var spec = user == null ? given() : given().auth().oauth2(Api.token(user));
        return spec.contentType(ContentType.JSON).accept(ContentType.JSON).body(body).post("/graphql").then()
                .statusCode(200);
    }

    public static JsonPath query(String user, String query, Map<String, Object> variables) {
        return post(user, query, variables).extract().jsonPath();
    }

    public static JsonPath query(String user, String query) {
        return query(user, query, Map.of());
    }

    /** Variables from alternating names and values. */
    public static Map<String, Object> vars(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
