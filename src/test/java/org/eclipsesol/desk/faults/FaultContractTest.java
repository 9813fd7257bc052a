package org.eclipsesol.desk.faults;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.eclipsesol.desk.common.DatabaseFaults;
import org.eclipsesol.desk.common.ProblemType;
import org.eclipsesol.desk.support.Api;
import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.GraphQL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The parts of issue 9 that need no fault injection: the service-unavailable problem type, which failures count as
 * database faults, GraphQL openTicket's Idempotency-Key semantics (the same as REST, across both doors), duplicate
 * JSON keys refused, and a UTF-8 byte order mark treated alike by REST and GraphQL. The faults themselves are
 * injected by DatabaseFaultsIT and ProcessFaultsIT.
 */
@QuarkusTest
class FaultContractTest {

    private static final String ANA = "ana@acme.example";
    private static final String OPEN = """
            mutation Open($input: TicketInput!, $key: String) {
              openTicket(input: $input, idempotencyKey: $key) { replayed ticket { id title } }
            }""";

    @BeforeEach
    void organizations() {
        Fixtures.acme();
    }

    @Test
    void serviceUnavailableIsAStableProblemType() {
        assertThat(ProblemType.SERVICE_UNAVAILABLE.status()).isEqualTo(503);
        assertThat(ProblemType.SERVICE_UNAVAILABLE.uri())
                .isEqualTo("https://support-desk.eclipsesol.org/problems/service-unavailable");
        assertThat(ProblemType.SERVICE_UNAVAILABLE.graphqlCode()).isEqualTo("SERVICE_UNAVAILABLE");
    }

    @Test
    void connectionAndTimeoutStatesAreDatabaseFaults() {
        assertThat(DatabaseFaults.kindOf(new java.sql.SQLException("refused", "08001")))
                .isEqualTo(DatabaseFaults.Kind.UNAVAILABLE);
        assertThat(DatabaseFaults.kindOf(new RuntimeException(new java.sql.SQLException("terminating", "57P01"))))
                .isEqualTo(DatabaseFaults.Kind.UNAVAILABLE);
        assertThat(DatabaseFaults.kindOf(new java.sql.SQLException("starting up", "57P03")))
                .isEqualTo(DatabaseFaults.Kind.UNAVAILABLE);
        assertThat(DatabaseFaults.kindOf(new java.sql.SQLException("Sorry, acquisition timeout!")))
                .isEqualTo(DatabaseFaults.Kind.UNAVAILABLE);
        assertThat(DatabaseFaults.kindOf(new java.sql.SQLException("canceling statement", "57014")))
                .isEqualTo(DatabaseFaults.Kind.TIMEOUT);
        assertThat(DatabaseFaults.kindOf(new java.sql.SQLException("lock timeout", "55P03")))
                .isEqualTo(DatabaseFaults.Kind.TIMEOUT);
        assertThat(DatabaseFaults.connectionLost(new java.sql.SQLException("lock timeout", "55P03"))).isFalse();
        // A commit that failed on a dead connection: the SQL state is in a suppressed exception.
        Exception commit = new IllegalStateException("Could not commit transaction.");
        commit.addSuppressed(new RuntimeException(new java.sql.SQLException("terminating connection", "57P01")));
        assertThat(DatabaseFaults.kindOf(new RuntimeException(commit))).isEqualTo(DatabaseFaults.Kind.UNAVAILABLE);
        // A constraint violation or a bug is not a fault of the database: it stays a 4xx or a 500.
        assertThat(DatabaseFaults.kindOf(new java.sql.SQLException("duplicate", "23505"))).isNull();
        assertThat(DatabaseFaults.kindOf(new IllegalStateException("bug"))).isNull();
    }

    @Test
    void graphqlOpenTicketHonoursTheIdempotencyKeyLikeRest() {
        String key = Fixtures.unique("key");
        Map<String, Object> input = Fixtures.ticketBody(Fixtures.unique("Idempotent GraphQL"), "MEDIUM");
        JsonPath first = GraphQL.query(ANA, OPEN, GraphQL.vars("input", input, "key", key));
        JsonPath again = GraphQL.query(ANA, OPEN, GraphQL.vars("input", input, "key", key));
        assertThat(first.getList("errors")).isNull();
        assertThat(first.getBoolean("data.openTicket.replayed")).isFalse();
        assertThat(again.getBoolean("data.openTicket.replayed")).isTrue();
        assertThat(again.getString("data.openTicket.ticket.id")).isEqualTo(first.getString("data.openTicket.ticket.id"));

        // The same key and request through REST is the same ticket too (one key space per caller).
        Api.as(ANA).header("Idempotency-Key", key).body(input).post("/api/v1/tickets").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first.getString("data.openTicket.ticket.id")));

        // The same key with a different request is refused, as in REST.
        Map<String, Object> other = Fixtures.ticketBody(Fixtures.unique("Other"), "LOW");
        JsonPath refused = GraphQL.query(ANA, OPEN, GraphQL.vars("input", other, "key", key));
        assertThat(refused.getString("errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
        assertThat(refused.getString("data")).isNull();
    }

    @Test
    void duplicateJsonKeysAreRefused() {
        String body = "{\"title\":\"One\",\"title\":\"Two\",\"description\":\"d\",\"priority\":\"MEDIUM\",\"service\":\"MANAGED_IT\","
                + "\"category\":\"TECHNICAL_ASSISTANCE\"}";
        Api.as(ANA).contentType("application/json").body(body).post("/api/v1/tickets").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("type", equalTo(ProblemType.BAD_REQUEST.uri()));
    }

    @Test
    void aByteOrderMarkIsRefusedByRestAndGraphQL() {
        byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
        byte[] ticket = ("{\"title\":\"BOM\",\"description\":\"d\",\"priority\":\"MEDIUM\",\"service\":\"MANAGED_IT\","
                + "\"category\":\"TECHNICAL_ASSISTANCE\"}").getBytes(StandardCharsets.UTF_8);
        Api.as(ANA).contentType("application/json").body(concat(bom, ticket)).post("/api/v1/tickets").then().statusCode(400)
                .contentType(containsString("application/problem+json"));

        byte[] query = "{\"query\":\"{ me { email } }\"}".getBytes(StandardCharsets.UTF_8);
        var response = given().auth().oauth2(Api.token(ANA)).contentType("application/json").body(concat(bom, query))
                .post("/graphql").then().extract();
        // GraphQL refuses it as an unreadable request: an HTTP 400, or errors without data.
        if (response.statusCode() == 200) {
            assertThat(response.jsonPath().getList("errors")).isNotEmpty();
            assertThat(response.jsonPath().getString("data.me.email")).isNull();
        } else {
            assertThat(response.statusCode()).as(response.body().asString()).isEqualTo(400);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
