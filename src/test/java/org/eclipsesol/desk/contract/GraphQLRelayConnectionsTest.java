package org.eclipsesol.desk.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.GraphQL.query;
import static org.eclipsesol.desk.support.GraphQL.vars;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipsesol.desk.support.Fixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The connections are complete Relay connections through the real /graphql endpoint (issue 10, point 2): edges with
 * cursors, and a PageInfo whose hasPreviousPage/startCursor tell the truth on the first page, a later page and an
 * empty one. Paging is forward only: hasPreviousPage is true exactly when the page was read after a cursor.
 */
@QuarkusTest
class GraphQLRelayConnectionsTest {

    static final String TICKETS = """
            query Tickets($q: String, $first: Int, $after: String) {
              tickets(filter: {q: $q, sort: OLDEST}, first: $first, after: $after) {
                edges { cursor node { id title } }
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
              }
            }""";

    static final String ORGANIZATIONS = """
            query Organizations($first: Int, $after: String) {
              organizations(first: $first, after: $after) {
                edges { cursor node { id name } }
                nodes { id }
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
              }
            }""";

    @Test
    void ticketPagesTellWhereTheyStartAndEnd() {
        String marker = "relay-" + UUID.randomUUID();
        List<String> ids = List.of(
                Fixtures.clientTicket(ANA, marker + " one", "LOW").getString("id"),
                Fixtures.clientTicket(ANA, marker + " two", "LOW").getString("id"),
                Fixtures.clientTicket(ANA, marker + " three", "LOW").getString("id"));

        JsonPath first = query(SAM, TICKETS, vars("q", marker, "first", 2));
        assertThat(first.getList("data.tickets.edges.node.id")).containsExactly(ids.get(0), ids.get(1));
        Map<String, Object> info = first.getMap("data.tickets.pageInfo");
        assertThat(info).containsEntry("hasNextPage", true).containsEntry("hasPreviousPage", false)
                .containsEntry("startCursor", first.getString("data.tickets.edges[0].cursor"))
                .containsEntry("endCursor", first.getString("data.tickets.edges[1].cursor"));

        JsonPath second = query(SAM, TICKETS, vars("q", marker, "first", 2, "after", info.get("endCursor")));
        assertThat(second.getList("data.tickets.edges.node.id")).containsExactly(ids.get(2));
        Map<String, Object> next = second.getMap("data.tickets.pageInfo");
        assertThat(next).containsEntry("hasNextPage", false).containsEntry("hasPreviousPage", true)
                .containsEntry("startCursor", second.getString("data.tickets.edges[0].cursor"))
                .containsEntry("endCursor", second.getString("data.tickets.edges[0].cursor"));

        JsonPath past = query(SAM, TICKETS, vars("q", marker, "first", 2, "after", next.get("endCursor")));
        assertThat(past.getList("data.tickets.edges")).isEmpty();
        assertThat(past.getMap("data.tickets.pageInfo")).containsEntry("hasNextPage", false)
                .containsEntry("hasPreviousPage", true).containsEntry("startCursor", null).containsEntry("endCursor", null);

        JsonPath none = query(SAM, TICKETS, vars("q", "relay-none-" + UUID.randomUUID(), "first", 2));
        assertThat(none.getList("data.tickets.edges")).isEmpty();
        assertThat(none.getMap("data.tickets.pageInfo")).containsEntry("hasNextPage", false)
                .containsEntry("hasPreviousPage", false).containsEntry("startCursor", null).containsEntry("endCursor", null);
    }

    @Test
    void organizationPagesAreRelayConnectionsToo() {
        Fixtures.acme();
        Fixtures.globex();
        JsonPath first = query(SAM, ORGANIZATIONS, vars("first", 1));
        assertThat(first.getList("data.organizations.edges")).hasSize(1);
        assertThat(first.getList("data.organizations.nodes.id"))
                .isEqualTo(first.getList("data.organizations.edges.node.id"));
        String cursor = first.getString("data.organizations.edges[0].cursor");
        assertThat(first.getMap("data.organizations.pageInfo")).containsEntry("hasNextPage", true)
                .containsEntry("hasPreviousPage", false).containsEntry("startCursor", cursor)
                .containsEntry("endCursor", cursor);

        JsonPath second = query(SAM, ORGANIZATIONS, vars("first", 1, "after", cursor));
        assertThat(second.getString("data.organizations.edges[0].node.id"))
                .isNotEqualTo(first.getString("data.organizations.edges[0].node.id"));
        String secondCursor = second.getString("data.organizations.edges[0].cursor");
        assertThat(second.getMap("data.organizations.pageInfo")).containsEntry("hasPreviousPage", true)
                .containsEntry("startCursor", secondCursor).containsEntry("endCursor", secondCursor);
    }
}
