package org.eclipsesol.desk.ticket.api;

import static org.eclipsesol.desk.support.Api.ANA;

import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.GraphQL;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SmokeGraphQLTest {

    @Test
    void smoke() {
        Fixtures.clientTicket(ANA, "Smoke", "LOW");
        System.out.println("SMOKE " + GraphQL.post(ANA,
                "{ me { subject roles organization { name } } tickets(first: 2) { totalCount edges { cursor node { number exclusionNote sla { policyVersion response { status dueAt target } timeline { consistent } } comments { body } events { type } attachments { fileName } } } pageInfo { hasNextPage endCursor } } }",
                null).extract().asString());
        System.out.println("SMOKE2 "
                + GraphQL.post(ANA, "{ tickets { edges { node { timeEntries { minutes } } } } }", null).extract().asString());
        System.out.println("SMOKE3 " + GraphQL.post(null, "{ me { subject } }", null).extract().asString());
        System.out.println("SMOKE4 " + GraphQL
                .post(ANA, "{ ticket(id: \"00000000-0000-0000-0000-000000000000\") { id } }", null).extract().asString());
        System.out.println("SMOKE5 " + GraphQL.post(ANA, "{ tickets(first: 101) { totalCount } }", null).extract().asString());
        System.out.println("SMOKE6 " + GraphQL.post(ANA, "{ nope }", null).extract().asString());
        System.out.println("SMOKE8 " + GraphQL.post(ANA, "{ me { subject ", null).extract().asString());
        System.out.println("SMOKE7 " + GraphQL.post(ANA,
                "{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } } }",
                null).extract().asString());
    }
}
