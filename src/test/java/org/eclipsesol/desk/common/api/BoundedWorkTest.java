package org.eclipsesol.desk.common.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.as;
import static org.eclipsesol.desk.support.GraphQL.query;

import java.util.Map;

import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.SqlStatements;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Bounded work (issue 8, point 10): comments and events are cut to the page in SQL, and GraphQL's cost weighs a
 * list by how many items it may return.
 */
@QuarkusTest
class BoundedWorkTest {

    /** Comment rows a request loads (measured as SqlStatements does: scheduled jobs paused, least of three). */
    private long commentsLoadedBy(Runnable request) {
        return SqlStatements.loadsOf("org.eclipsesol.desk.ticket.data.CommentEntity", request);
    }

    @Test
    void aPageOfCommentsLoadsOnlyThatPageFromTheDatabase() {
        String id = Fixtures.clientTicket(ANA, Fixtures.unique("Long thread"), "LOW").getString("id");
        for (int i = 0; i < 105; i++) {
            as(TOM).body(Map.of("body", "Update " + i)).post("/api/v1/tickets/" + id + "/comments").then().statusCode(201);
        }
        long rest = commentsLoadedBy(() -> assertThat(as(ANA).queryParam("limit", 2).get("/api/v1/tickets/" + id + "/comments")
                .then().statusCode(200).extract().jsonPath().getList("items")).hasSize(2));
        assertThat(rest).isLessThanOrEqualTo(3);
        // GraphQL's nested comments: at most 100, and no more than 101 rows read.
        long nested = commentsLoadedBy(() -> assertThat(query(ANA, "query T($id: ID!) { ticket(id: $id) { comments { id } } }",
                Map.of("id", id)).getList("data.ticket.comments")).hasSize(100));
        assertThat(nested).isLessThanOrEqualTo(101);
        JsonPath events = query(TOM, "query T($id: ID!) { ticket(id: $id) { events { type } } }", Map.of("id", id));
        assertThat(events.getList("data.ticket.events")).hasSize(100);
    }

    @Test
    void manyAliasesOfLargeConnectionsWithNestedListsAreRefusedBeforeTouchingTheDatabase() {
        StringBuilder q = new StringBuilder("query {");
        for (int i = 0; i < 28; i++) {
            q.append(" t").append(i).append(": tickets(first: 100) { edges { node { id comments { id } events { id } } } }");
        }
        q.append(" }");
        long tickets = SqlStatements.loadsOf("org.eclipsesol.desk.ticket.data.TicketEntity", () -> {
            JsonPath result = query(TOM, q.toString());
            assertThat(result.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
            assertThat(result.getString("errors[0].message")).contains("complexity");
        });
        assertThat(tickets).isZero();
        // One large page with its nested lists stays allowed.
        JsonPath one = query(TOM, "query { tickets(first: 100) { edges { node { id title status } } } }");
        assertThat(one.getList("errors")).isNull();
        JsonPath nested = query(TOM, "query { tickets(first: 20) { edges { node { id comments { id } events { id } } } } }");
        assertThat(nested.getList("errors")).isNull();
    }
}
