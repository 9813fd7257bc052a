package org.eclipsesol.desk.ticket.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.as;
import static org.eclipsesol.desk.support.GraphQL.query;
import static org.eclipsesol.desk.support.GraphQL.vars;

import java.util.List;
import java.util.Map;

import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.SqlStatements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * No N+1: a page of tickets with nested comments, events, attachments, organization, assignee and SLA timeline
 * costs the same number of SQL statements for 5 tickets as for 50 (Hibernate statistics, test profile only).
 */
@QuarkusTest
class TicketGraphQLQueryCountTest {

    private static final String PAGE = """
            query Page($first: Int!, $filter: TicketFilter) {
              tickets(first: $first, filter: $filter) {
                edges {
                  node {
                    number status
                    organization { id name }
                    requester { email }
                    assignee { id name }
                    comments { body internal author { name } }
                    events { type }
                    attachments { fileName }
                    sla { response { status } timeline { consistent response { segments { kind } } } }
                  }
                }
                pageInfo { hasNextPage }
              }
            }""";

    private static String organizationId;

    @BeforeEach
    void fiftyTicketsWithCommentsAndAssignees() {
        if (organizationId != null) {
            return;
        }
        Fixtures.acme();
        organizationId = as(SAM).body(Map.of("name", "Counting Co " + System.nanoTime(), "emailDomains", List.of()))
                .post("/api/v1/organizations").then().statusCode(201).extract().path("id");
        for (int i = 0; i < 50; i++) {
            String id = Fixtures.staffTicket(TOM, organizationId, "someone@counting.example", "Counted " + i, "MEDIUM", null)
                    .getString("id");
            as(TOM).body(Map.of("body", "Looking into " + i)).post("/api/v1/tickets/" + id + "/comments").then()
                    .statusCode(201);
            if (i % 3 == 0) {
                as(TOM).body(Map.of("status", "IN_PROGRESS", "assigneeId", TOM)).patch("/api/v1/tickets/" + id).then()
                        .statusCode(200);
            }
        }
    }

    /** Statements prepared while answering the query (see SqlStatements: the scheduled jobs are paused). */
    private long statementsFor(String user, String query, Map<String, Object> variables) {
        query(user, query, variables); // warm the caches (policy, holidays, the caller's directory entry)
        return SqlStatements.preparedBy(() -> assertThat(query(user, query, variables).getList("errors")).as("errors")
                .isNull());
    }

    private long statementsFor(String user, int first) {
        Map<String, Object> variables = vars("first", first, "filter", Map.of("organizationId", organizationId));
        long count = statementsFor(user, PAGE, variables);
        JsonPath page = query(user, PAGE, variables);
        assertThat(page.getList("errors")).as("errors").isNull();
        assertThat(page.getList("data.tickets.edges")).hasSize(first);
        assertThat(page.getList("data.tickets.edges.node.comments.flatten().body")).hasSize(first);
        assertThat(page.getList("data.tickets.edges.node.assignee.id")).contains(TOM);
        return count;
    }

    @Test
    void fiftyTicketsCostNoMoreStatementsThanFive() {
        long five = statementsFor(TOM, 5);
        long fifty = statementsFor(TOM, 50);
        System.out.printf("GraphQL page with nested fields: %d statements for 5 tickets, %d for 50%n", five, fifty);
        assertThat(fifty).isEqualTo(five);
        assertThat(fifty).isLessThanOrEqualTo(12);
    }

    @Test
    void clientPagesAreBoundedToo() {
        for (int i = 0; i < 6; i++) {
            Fixtures.clientTicket(ANA, "Client counted " + i, "LOW");
        }
        String q = "query P($first: Int!) { tickets(first: $first) { edges { node { comments { body } events { type } "
                + "attachments { fileName } sla { timeline { consistent } } } } } }";
        long two = statementsFor(ANA, q, vars("first", 2));
        long six = statementsFor(ANA, q, vars("first", 6));
        assertThat(six).isEqualTo(two);
    }
}
