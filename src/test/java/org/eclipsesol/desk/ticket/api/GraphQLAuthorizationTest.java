package org.eclipsesol.desk.ticket.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.GraphQL.vars;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.eclipsesol.desk.support.Db;
import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.GraphQL;
import org.eclipsesol.desk.support.Persona;
import org.eclipsesol.desk.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The REST authorization matrix again, through GraphQL: every operation on a fresh Acme ticket, as every kind of
 * caller. A cell is OK (data, no error) or the error code. Refused calls must change nothing.
 */
@QuarkusTest
class GraphQLAuthorizationTest {

    /** Expected outcome per caller; the callers are those of {@link Persona}. */
    static final String MATRIX = """
            operation            CLIENT_OWN_ORG CLIENT_OTHER_ORG CLIENT_NO_ORG TECHNICIAN SUPERVISOR NO_ROLE   ANONYMOUS
            TICKET               OK             NOT_FOUND        FORBIDDEN     OK         OK         FORBIDDEN UNAUTHENTICATED
            TICKET_BY_NUMBER     OK             NOT_FOUND        FORBIDDEN     OK         OK         FORBIDDEN UNAUTHENTICATED
            TICKETS              OK             OK               FORBIDDEN     OK         OK         FORBIDDEN UNAUTHENTICATED
            TIME_ENTRIES         FORBIDDEN      NOT_FOUND        FORBIDDEN     OK         OK         FORBIDDEN UNAUTHENTICATED
            START_WORK           FORBIDDEN      NOT_FOUND        FORBIDDEN     OK         OK         FORBIDDEN UNAUTHENTICATED
            ADD_COMMENT          OK             NOT_FOUND        FORBIDDEN     OK         OK         FORBIDDEN UNAUTHENTICATED
            ADD_INTERNAL_NOTE    FORBIDDEN      FORBIDDEN        FORBIDDEN     OK         OK         FORBIDDEN UNAUTHENTICATED
            LOG_TIME             FORBIDDEN      FORBIDDEN        FORBIDDEN     OK         OK         FORBIDDEN UNAUTHENTICATED
            ESCALATE             OK             NOT_FOUND        FORBIDDEN     OK         OK         FORBIDDEN UNAUTHENTICATED
            OVERRIDE_SLA         FORBIDDEN      FORBIDDEN        FORBIDDEN     FORBIDDEN  OK         FORBIDDEN UNAUTHENTICATED
            OPEN_ESCALATIONS     FORBIDDEN      FORBIDDEN        FORBIDDEN     FORBIDDEN  OK         FORBIDDEN UNAUTHENTICATED
            CREATE_ORGANIZATION  FORBIDDEN      FORBIDDEN        FORBIDDEN     FORBIDDEN  OK         FORBIDDEN UNAUTHENTICATED
            SLA_QUOTE            OK             OK               FORBIDDEN     OK         OK         FORBIDDEN UNAUTHENTICATED
            """;

    record Ticket(String id, String number) {
    }

    enum Operation {

        TICKET((user, t) -> GraphQL.query(user, "query T($id: ID!) { ticket(id: $id) { id number } }", vars("id",
                t.id()))),
        TICKET_BY_NUMBER((user, t) -> GraphQL.query(user,
                "query T($n: String!) { ticketByNumber(number: $n) { id } }",
                vars("n", t.number()))),
        TICKETS(
                (user, t) -> GraphQL.query(user, "query { tickets(first: 5) { edges { node { id } } } }", Map
                        .of())),
        TIME_ENTRIES((user, t) -> GraphQL.query(user,
                "query T($id: ID!) { ticket(id: $id) { id timeEntries { minutes } } }",
                vars("id", t.id()))),
        START_WORK(
                (user, t) -> GraphQL.query(user,
                        "mutation U($id: ID!, $input: TicketUpdateInput!) { updateTicket(id: $id, input: $input) { status } }",
                        vars("id", t.id(), "input",
                                Map.of("status", "IN_PROGRESS")))),
        ADD_COMMENT(
                (user, t) -> GraphQL.query(user,
                        "mutation C($id: ID!, $input: CommentInput!) { addComment(ticketId: $id, input: $input) { id } }",
                        vars("id", t.id(), "input", Map.of(
                                "body",
                                "A public word")))),
        ADD_INTERNAL_NOTE(
                (user, t) -> GraphQL
                        .query(user,
                                "mutation C($id: ID!, $input: CommentInput!) { addComment(ticketId: $id, input: $input) { id } }",
                                vars("id",
                                        t.id(),
                                        "input",
                                        Map.of("body",
                                                "A note",
                                                "internal",
                                                true)))),
        LOG_TIME(
                (user, t) -> GraphQL
                        .query(user,
                                "mutation L($id: ID!, $input: TimeEntryInput!) { logTime(ticketId: $id, input: $input) { minutes } }",
                                vars("id",
                                        t.id(),
                                        "input",
                                        Map.of("startedAt",
                                                TestClock
                                                        .now()
                                                        .minus(2,
                                                                ChronoUnit.HOURS)
                                                        .toString(),
                                                "endedAt",
                                                TestClock
                                                        .now()
                                                        .minus(1,
                                                                ChronoUnit.HOURS)
                                                        .toString(),
                                                "note",
                                                "work")))),
        ESCALATE(
                (user, t) -> GraphQL
                        .query(user,
                                "mutation E($id: ID!, $input: EscalationInput!) { escalateTicket(ticketId: $id, input: $input) { level } }",
                                vars("id",
                                        t.id(),
                                        "input",
                                        Map.of("reason",
                                                "Not fixed in time")))),
        OVERRIDE_SLA(
                (user, t) -> GraphQL
                        .query(user,
                                "mutation O($id: ID!, $input: SlaOverrideInput!) { overrideSla(ticketId: $id, input: $input) { targetSource } }",
                                vars("id",
                                        t.id(),
                                        "input",
                                        Map.of("resolution",
                                                "PT96H",
                                                "reason",
                                                "Parts on order")))),
        OPEN_ESCALATIONS(
                (user, t) -> GraphQL
                        .query(user,
                                "query { openEscalations { id } }",
                                Map.of())),
        CREATE_ORGANIZATION(
                (user, t) -> GraphQL
                        .query(user,
                                "mutation O($input: OrganizationInput!) { createOrganization(input: $input) { id } }",
                                vars("input",
                                        Map.of("name",
                                                "GraphQL Org "
                                                        + UUID.randomUUID(),
                                                "emailDomains",
                                                List.of())))),
        SLA_QUOTE(
                (user, t) -> GraphQL
                        .query(user,
                                "query Q($p: Priority!) { slaQuote(priority: $p) { response { target } } }",
                                vars("p",
                                        "HIGH")));

        private final BiFunction<String, Ticket, JsonPath> call;

        Operation(BiFunction<String, Ticket, JsonPath> call) {
            this.call = call;
        }

        /** Whether a refused call of this operation could have written something. */
        boolean writes() {
            return name().startsWith("START") || name().startsWith("ADD") || name().startsWith("LOG")
                    || name().startsWith("ESCALATE") || name().startsWith("OVERRIDE") || name().startsWith("CREATE");
        }
    }

    static Stream<Arguments> matrix() {
        List<String> lines = MATRIX.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
        String[] header = lines.get(0).split("\\s+");
        return lines.subList(1, lines.size()).stream().flatMap(line -> {
            String[] cells = line.split("\\s+");
            return java.util.stream.IntStream.range(1, cells.length)
                    .mapToObj(i -> Arguments.of(Operation.valueOf(cells[0]), Persona.valueOf(header[i]), cells[i]));
        });
    }

    @BeforeEach
    void organizations() {
        Fixtures.matrixOrganizations();
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("matrix")
    void operationAnswersEachCallerAsSpecified(Operation operation, Persona persona, String expected) {
        JsonPath created = Fixtures.clientTicket(ANA, "GraphQL matrix " + UUID.randomUUID(), "MEDIUM");
        Ticket ticket = new Ticket(created.getString("id"), created.getString("number"));
        Map<String, String> ticketBefore = Db.ticketState(ticket.id());
        Map<String, Long> countsBefore = Db.counts();

        JsonPath result = operation.call.apply(persona.user(), ticket);

        if ("OK".equals(expected)) {
            assertThat(result.getList("errors")).as("errors").isNullOrEmpty();
            assertThat(result.getMap("data")).isNotNull();
            if (operation == Operation.TICKETS) {
                List<String> ids = result.getList("data.tickets.edges.node.id");
                // Another organization's client lists tickets, but never this one.
                assertThat(ids.contains(ticket.id())).isEqualTo(persona != Persona.CLIENT_OTHER_ORG);
            }
        } else {
            assertThat(result.getString("errors[0].extensions.code")).as(result.prettify()).isEqualTo(expected);
            assertThat(result.getString("errors[0].message")).doesNotContain("Exception").doesNotContain("java.");
            if (operation.writes()) {
                assertThat(Db.counts()).as("row counts").isEqualTo(countsBefore);
                assertThat(Db.ticketState(ticket.id())).as("the ticket").isEqualTo(ticketBefore);
            }
        }
    }
}
