package org.eclipsesol.desk.common.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.GraphQL.query;
import static org.eclipsesol.desk.support.GraphQL.vars;

import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.SqlStatements;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Depth, complexity and page-size limits: refused with BAD_USER_INPUT, before any SQL runs. */
@QuarkusTest
class GraphQLLimitsTest {

    private static long statementsOf(Runnable request) {
        return SqlStatements.preparedBy(request);
    }

    @Test
    void aDeeplyNestedQueryIsRefusedBeforeTouchingTheDatabase() {
        // __schema { types { fields { type { ofType { ... { name } } } } } }: 16 levels, the limit is 12.
        StringBuilder deep = new StringBuilder("query { __schema { types { fields { type {");
        int open = 5;
        for (int i = 0; i < 10; i++) {
            deep.append(" ofType {");
            open++;
        }
        deep.append(" name").append(" }".repeat(open));
        JsonPath[] result = new JsonPath[1];
        long statements = statementsOf(() -> result[0] = query(ANA, deep.toString()));
        assertThat(result[0].getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(result[0].getString("errors[0].message")).contains("depth");
        assertThat(result[0].getString("data")).isNull();
        assertThat(statements).isZero();
    }

    @Test
    void aVeryWideQueryIsRefusedBeforeTouchingTheDatabase() {
        StringBuilder wide = new StringBuilder("query {");
        for (int i = 0; i < 120; i++) {
            wide.append(" m").append(i).append(": me { subject email }");
        }
        wide.append(" }");
        JsonPath[] result = new JsonPath[1];
        long statements = statementsOf(() -> result[0] = query(ANA, wide.toString()));
        assertThat(result[0].getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(result[0].getString("errors[0].message")).contains("complexity");
        assertThat(statements).isZero();
    }

    @Test
    void pagesAreAtMostOneHundredItems() {
        Fixtures.acme();
        String tickets = "query P($first: Int) { tickets(first: $first) { edges { node { id } } } }";
        JsonPath tooMany = query(TOM, tickets, vars("first", 101));
        assertThat(tooMany.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(tooMany.getString("errors[0].extensions.violations[0].field")).isEqualTo("first");
        assertThat(query(TOM, tickets, vars("first", 0)).getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(query(TOM, tickets, vars("first", 100)).getList("errors")).isNull();

        String organizations = "query P($first: Int) { organizations(first: $first) { nodes { id } } }";
        assertThat(query(TOM, organizations, vars("first", 500)).getString("errors[0].extensions.code"))
                .isEqualTo("BAD_USER_INPUT");
    }

    @Test
    void introspectionIsOnOutsideProd() {
        assertThat(query(ANA, "query { __schema { queryType { name } } }").getString("data.__schema.queryType.name"))
                .isEqualTo("Query");
    }
}
