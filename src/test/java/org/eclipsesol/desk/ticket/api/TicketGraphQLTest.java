package org.eclipsesol.desk.ticket.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.CARLA;
import static org.eclipsesol.desk.support.Api.NOBODY;
import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.as;
import static org.eclipsesol.desk.support.GraphQL.query;
import static org.eclipsesol.desk.support.GraphQL.vars;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.TestClock;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The authorization matrix, queries, mutations and error codes of the ticket GraphQL API (always with variables). */
@QuarkusTest
class TicketGraphQLTest {

    private static final String TICKET = """
            query Ticket($id: ID!) {
              ticket(id: $id) {
                id number title status exclusionNote version
                organization { id name }
                requester { email }
                comments { body internal staff author { name } }
                events { type }
                attachments { fileName downloadUrl }
                sla { policyVersion targetSource response { status target clock } timeline { consistent } }
              }
            }""";

    private static final String TICKETS_WITH_COMMENTS = """
            query Page($first: Int, $after: String, $filter: TicketFilter) {
              tickets(first: $first, after: $after, filter: $filter) {
                totalCount
                edges { cursor node { id organization { name } comments { body internal } events { type } } }
                pageInfo { hasNextPage endCursor }
              }
            }""";

    /** A ticket of Acme with a public comment and an internal note. */
    private static String acmeTicketWithNote(String title) {
        String id = Fixtures.clientTicket(ANA, title, "MEDIUM").getString("id");
        as(TOM).body(Map.of("body", "Public answer")).post("/api/v1/tickets/" + id + "/comments").then().statusCode(201);
        as(TOM).body(Map.of("body", "Secret internal note", "internal", true)).post("/api/v1/tickets/" + id + "/comments")
                .then().statusCode(201);
        return id;
    }

    private static String code(JsonPath result) {
        return result.getString("errors[0].extensions.code");
    }

    @Test
    void meAnswersForEveryAuthenticatedCaller() {
        Fixtures.acme();
        JsonPath ana = query(ANA, "query { me { subject email roles organization { name } } }");
        assertThat(ana.getString("data.me.email")).isEqualTo(ANA);
        assertThat(ana.getString("data.me.organization.name")).isEqualTo(Fixtures.ACME);
        JsonPath nobody = query(NOBODY, "query { me { subject roles organization { id } } }");
        assertThat(nobody.getList("data.me.roles")).isEmpty();
        assertThat(nobody.getString("data.me.organization")).isNull();
        assertThat(query(SAM, "query { me { roles } }").getList("data.me.roles")).containsExactlyInAnyOrder("supervisor",
                "technician");
    }

    @Test
    void clientNeverSeesInternalNotesInNestedComments() {
        String id = acmeTicketWithNote("Nested comments for a client");

        JsonPath page = query(ANA, TICKETS_WITH_COMMENTS, vars("first", 100));
        List<Map<String, Object>> edges = page.getList("data.tickets.edges");
        assertThat(edges).isNotEmpty();
        List<Object> internals = page.getList("data.tickets.edges.node.comments.flatten().internal");
        assertThat(internals).isNotEmpty().containsOnly(false);
        assertThat(page.getList("data.tickets.edges.node.comments.flatten().body")).doesNotContain("Secret internal note");
        assertThat(page.getList("data.tickets.edges.node.events.flatten().type")).doesNotContain("INTERNAL_NOTE_ADDED");
        assertThat(page.getList("data.tickets.edges.node.organization.name")).containsOnly(Fixtures.ACME);

        JsonPath single = query(ANA, TICKET, vars("id", id));
        assertThat(single.getList("data.ticket.comments.body")).containsExactly("Public answer");

        JsonPath staff = query(TOM, TICKET, vars("id", id));
        assertThat(staff.getList("data.ticket.comments.body")).containsExactly("Public answer", "Secret internal note");
        assertThat(staff.getList("data.ticket.events.type")).contains("INTERNAL_NOTE_ADDED");
    }

    @Test
    void anotherOrganizationsTicketIsNotFoundLikeAnUnknownOne() {
        String id = acmeTicketWithNote("Acme only");
        String number = as(ANA).get("/api/v1/tickets/" + id).then().extract().path("number");

        JsonPath byId = query(CARLA, TICKET, vars("id", id));
        assertThat(byId.getString("data.ticket")).isNull();
        assertThat(code(byId)).isEqualTo("NOT_FOUND");
        JsonPath unknown = query(CARLA, TICKET, vars("id", "00000000-0000-0000-0000-000000000000"));
        assertThat(code(unknown)).isEqualTo("NOT_FOUND");
        assertThat(byId.getString("errors[0].message")).doesNotContain("Acme");

        JsonPath byNumber = query(CARLA, "query N($n: String!) { ticketByNumber(number: $n) { id } }", vars("n", number));
        assertThat(code(byNumber)).isEqualTo("NOT_FOUND");
        assertThat(query(ANA, "query N($n: String!) { ticketByNumber(number: $n) { id } }", vars("n", number))
                .getString("data.ticketByNumber.id")).isEqualTo(id);

        JsonPath globexPage = query(CARLA, TICKETS_WITH_COMMENTS, vars("first", 100));
        assertThat(globexPage.getList("data.tickets.edges.node.id")).doesNotContain(id);
        JsonPath filtered = query(CARLA, TICKETS_WITH_COMMENTS,
                vars("first", 10, "filter", Map.of("organizationId", Fixtures.acme())));
        assertThat(filtered.getList("data.tickets.edges")).isEmpty();
        assertThat(filtered.getInt("data.tickets.totalCount")).isZero();
    }

    @Test
    void staffOnlyFieldsAreNullOrForbiddenForClients() {
        String id = acmeTicketWithNote("Excluded and timed");
        JsonPath excluded = query(TOM, """
                mutation X($id: ID!, $input: TicketUpdateInput!) { updateTicket(id: $id, input: $input) { exclusion } }""",
                vars("id", id, "input", Map.of("exclusion", "THIRD_PARTY", "exclusionNote", "Vendor outage")));
        assertThat(excluded.getString("data.updateTicket.exclusion")).isEqualTo("THIRD_PARTY");
        Instant end = TestClock.now().minus(1, ChronoUnit.HOURS);
        query(TOM, """
                mutation Log($id: ID!, $input: TimeEntryInput!) { logTime(ticketId: $id, input: $input) { minutes } }""",
                vars("id", id, "input", Map.of("startedAt", end.minus(30, ChronoUnit.MINUTES).toString(), "endedAt",
                        end.toString(), "note", "Called the vendor")));

        String query = "query T($id: ID!) { ticket(id: $id) { exclusion exclusionNote timeEntries { minutes note } } }";
        JsonPath client = query(ANA, query, vars("id", id));
        assertThat(client.getString("data.ticket.exclusion")).isEqualTo("THIRD_PARTY");
        assertThat(client.getString("data.ticket.exclusionNote")).isNull();
        assertThat(client.getString("data.ticket.timeEntries")).isNull();
        assertThat(code(client)).isEqualTo("FORBIDDEN");
        assertThat(client.getList("errors[0].path")).containsExactly("ticket", "timeEntries");

        JsonPath staff = query(TOM, query, vars("id", id));
        assertThat(staff.getString("data.ticket.exclusionNote")).isEqualTo("Vendor outage");
        assertThat(staff.getInt("data.ticket.timeEntries[0].minutes")).isEqualTo(30);
        assertThat(staff.getList("errors")).isNull();
    }

    @Test
    void pagesWithCursorsAndTotalCount() {
        for (int i = 0; i < 3; i++) {
            Fixtures.clientTicket(CARLA, "Globex paging " + i, "LOW");
        }
        String q = """
                query P($first: Int, $after: String) {
                  tickets(first: $first, after: $after, filter: {sort: OLDEST}) {
                    totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor }
                  }
                }""";
        JsonPath first = query(CARLA, q, vars("first", 2));
        int total = first.getInt("data.tickets.totalCount");
        assertThat(total).isGreaterThanOrEqualTo(3);
        assertThat(first.getBoolean("data.tickets.pageInfo.hasNextPage")).isTrue();
        assertThat(first.getString("data.tickets.pageInfo.endCursor"))
                .isEqualTo(first.getString("data.tickets.edges[1].cursor"));
        JsonPath second = query(CARLA, q, vars("first", 2, "after", first.getString("data.tickets.pageInfo.endCursor")));
        assertThat(second.getList("data.tickets.edges.node.id")).doesNotContainAnyElementsOf(
                first.getList("data.tickets.edges.node.id"));
        // The next page starts right after the cursor of any edge, not only the last one.
        JsonPath fromFirstEdge = query(CARLA, q, vars("first", 1, "after", first.getString("data.tickets.edges[0].cursor")));
        assertThat(fromFirstEdge.getString("data.tickets.edges[0].node.id")).isEqualTo(
                first.getString("data.tickets.edges[1].node.id"));
    }

    @Test
    void openTicketIsIdempotentWithAKey() {
        Fixtures.acme();
        String open = """
                mutation Open($input: TicketInput!, $key: String) {
                  openTicket(input: $input, idempotencyKey: $key) { replayed ticket { id number status channel organization { name } } }
                }""";
        Map<String, Object> input = Map.of("title", "Scanner jams", "description", "The scanner jams on every page",
                "priority", "HIGH", "service", "MANAGED_IT", "category", "TECHNICAL_ASSISTANCE");
        String key = "gql-" + System.nanoTime();
        JsonPath first = query(ANA, open, vars("input", input, "key", key));
        assertThat(first.getBoolean("data.openTicket.replayed")).isFalse();
        assertThat(first.getString("data.openTicket.ticket.status")).isEqualTo("NEW");
        assertThat(first.getString("data.openTicket.ticket.channel")).isEqualTo("PORTAL");
        JsonPath again = query(ANA, open, vars("input", input, "key", key));
        assertThat(again.getBoolean("data.openTicket.replayed")).isTrue();
        assertThat(again.getString("data.openTicket.ticket.id")).isEqualTo(first.getString("data.openTicket.ticket.id"));

        JsonPath staffOnly = query(ANA, open, vars("input", Map.of("title", "x", "description", "y", "priority", "LOW",
                "service", "MANAGED_IT", "category", "SERVICE_REQUEST", "openedAt", "2026-01-01T00:00:00Z")));
        assertThat(code(staffOnly)).isEqualTo("FORBIDDEN");

        JsonPath invalid = query(ANA, open, vars("input", Map.of("title", " ", "description", "y", "priority", "LOW",
                "service", "MANAGED_IT", "category", "SERVICE_REQUEST")));
        assertThat(code(invalid)).isEqualTo("BAD_USER_INPUT");
        assertThat(invalid.getString("errors[0].extensions.violations[0].field")).isEqualTo("title");
    }

    @Test
    void updateTicketHonoursTheExpectedVersionLikeIfMatch() {
        String id = Fixtures.clientTicket(ANA, "Version check", "MEDIUM").getString("id");
        String update = """
                mutation U($id: ID!, $input: TicketUpdateInput!, $version: Int) {
                  updateTicket(id: $id, input: $input, expectedVersion: $version) { status version assignee { id } }
                }""";
        int version = query(TOM, "query T($id: ID!) { ticket(id: $id) { version } }", vars("id", id))
                .getInt("data.ticket.version");

        JsonPath ok = query(TOM, update, vars("id", id, "version", version, "input",
                Map.of("status", "IN_PROGRESS", "assigneeId", TOM)));
        assertThat(ok.getString("data.updateTicket.status")).isEqualTo("IN_PROGRESS");
        assertThat(ok.getString("data.updateTicket.assignee.id")).isEqualTo(TOM);

        JsonPath stale = query(TOM, update, vars("id", id, "version", version, "input", Map.of("status", "RESOLVED")));
        assertThat(code(stale)).isEqualTo("CONFLICT");
        assertThat(stale.getString("errors[0].extensions.problem")).endsWith("/precondition-failed");
        assertThat(query(TOM, "query T($id: ID!) { ticket(id: $id) { status } }", vars("id", id))
                .getString("data.ticket.status")).isEqualTo("IN_PROGRESS");

        JsonPath refused = query(TOM, update, vars("id", id, "input", Map.of("status", "CLOSED")));
        assertThat(code(refused)).isEqualTo("CONFLICT");
        JsonPath clientPriority = query(ANA, update, vars("id", id, "input", Map.of("priority", "CRITICAL")));
        assertThat(code(clientPriority)).isEqualTo("FORBIDDEN");
    }

    @Test
    void commentAndEscalateThroughMutations() {
        String id = Fixtures.clientTicket(ANA, "Comment and escalate", "HIGH").getString("id");
        JsonPath comment = query(ANA,
                """
                        mutation C($id: ID!, $input: CommentInput!) { addComment(ticketId: $id, input: $input) { body internal staff } }""",
                vars("id", id, "input", Map.of("body", "Still broken")));
        assertThat(comment.getString("data.addComment.body")).isEqualTo("Still broken");
        JsonPath note = query(ANA, """
                mutation C($id: ID!, $input: CommentInput!) { addComment(ticketId: $id, input: $input) { body } }""",
                vars("id", id, "input", Map.of("body", "sneaky", "internal", true)));
        assertThat(code(note)).isEqualTo("FORBIDDEN");

        JsonPath escalated = query(ANA,
                """
                        mutation E($id: ID!, $input: EscalationInput!) { escalateTicket(ticketId: $id, input: $input) { id level status } }""",
                vars("id", id, "input", Map.of("reason", "Nobody answers")));
        assertThat(escalated.getInt("data.escalateTicket.level")).isEqualTo(1);
        String escalationId = escalated.getString("data.escalateTicket.id");

        JsonPath techAck = query(TOM, "mutation A($id: ID!) { acknowledgeEscalation(id: $id) { status } }",
                vars("id", escalationId));
        assertThat(code(techAck)).isEqualTo("FORBIDDEN");
        assertThat(query(SAM, "mutation A($id: ID!) { acknowledgeEscalation(id: $id) { status } }", vars("id", escalationId))
                .getString("data.acknowledgeEscalation.status")).isEqualTo("ACKNOWLEDGED");
        assertThat(query(SAM, "mutation A($id: ID!) { closeEscalation(id: $id) { status } }", vars("id", escalationId))
                .getString("data.closeEscalation.status")).isEqualTo("CLOSED");
        assertThat(query(ANA, "query T($id: ID!) { ticket(id: $id) { escalated } }", vars("id", id))
                .getBoolean("data.ticket.escalated")).isFalse();
    }

    @Test
    void errorCodesMatchTheRestProblemTypesAndLeakNoJavaText() {
        JsonPath anonymous = query(null, "query { tickets { totalCount } }");
        assertThat(code(anonymous)).isEqualTo("UNAUTHENTICATED");
        assertThat(code(query(NOBODY, "query { tickets { totalCount } }"))).isEqualTo("FORBIDDEN");
        JsonPath badCursor = query(ANA, "query P($after: String) { tickets(after: $after) { totalCount } }",
                vars("after", "not-a-cursor"));
        assertThat(code(badCursor)).isEqualTo("BAD_USER_INPUT");
        JsonPath unknownField = query(ANA, "query { tickets { edges { node { secret } } } }");
        assertThat(code(unknownField)).isEqualTo("GRAPHQL_VALIDATION_FAILED");
        JsonPath badEnum = query(ANA, "query P($f: TicketFilter) { tickets(filter: $f) { totalCount } }",
                vars("f", Map.of("status", "ON_FIRE")));
        assertThat(code(badEnum)).isEqualTo("BAD_USER_INPUT");
        for (JsonPath result : List.of(anonymous, badCursor, unknownField, badEnum)) {
            String errors = result.prettify();
            assertThat(errors).doesNotContain("org.eclipsesol", "java.", "at org.", "GraphQLProblem");
            assertThat(result.getMap("errors[0].extensions")).doesNotContainKey("exception");
        }
    }
}
