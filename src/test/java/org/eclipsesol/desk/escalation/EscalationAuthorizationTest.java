package org.eclipsesol.desk.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.as;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.eclipsesol.desk.support.Api;
import org.eclipsesol.desk.support.Db;
import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.Matrix;
import org.eclipsesol.desk.support.Persona;
import org.eclipsesol.desk.support.Problems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The supervisors' escalation queue against every kind of caller, on an escalation ana raised on her own
 * Acme ticket. A refused call answers the exact status as problem+json and changes nothing.
 */
@QuarkusTest
class EscalationAuthorizationTest {

    record Ctx(String ticketId, String escalationId) {
    }

    enum Endpoint {

        LIST_OPEN,
        ACKNOWLEDGE,
        CLOSE;

        Response call(Persona p, Ctx c) {
            return switch (this) {
                case LIST_OPEN -> p.json().get("/api/v1/escalations");
                case ACKNOWLEDGE -> p.json().post("/api/v1/escalations/" + c.escalationId() + "/acknowledge");
                case CLOSE -> p.json().post("/api/v1/escalations/" + c.escalationId() + "/close");
            };
        }
    }

    static final String MATRIX = """
            endpoint     CLIENT_OWN_ORG CLIENT_OTHER_ORG CLIENT_NO_ORG TECHNICIAN SUPERVISOR NO_ROLE ANONYMOUS
            LIST_OPEN    403            403              403           403        200        403     401
            ACKNOWLEDGE  403            403              403           403        200        403     401
            CLOSE        403            403              403           403        200        403     401
            """;

    static Stream<Arguments> matrix() {
        return Matrix.parse(MATRIX, Endpoint::valueOf);
    }

    @BeforeEach
    void organizations() {
        Fixtures.matrixOrganizations();
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("matrix")
    void endpointAnswersEachCallerAsSpecified(Endpoint endpoint, Persona persona, int expected) {
        Ctx ctx = escalatedTicket();
        Map<String, String> before = Db.ticketState(ctx.ticketId());

        Response response = endpoint.call(persona, ctx);

        if (expected >= 400) {
            Problems.assertProblem(response, expected);
            assertThat(Db.ticketState(ctx.ticketId())).isEqualTo(before);
            return;
        }
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(expected);
        Map<String, String> after = Db.ticketState(ctx.ticketId());
        switch (endpoint) {
            case LIST_OPEN -> {
                assertThat(response.jsonPath().getList("id")).contains(ctx.escalationId());
                assertThat(after).isEqualTo(before);
            }
            case ACKNOWLEDGE -> {
                assertThat(response.jsonPath().getString("status")).isEqualTo("ACKNOWLEDGED");
                assertThat(after.get("escalations")).isEqualTo("ACKNOWLEDGED");
                assertThat(after.get("escalated")).isEqualTo("t");
            }
            case CLOSE -> {
                assertThat(response.jsonPath().getString("status")).isEqualTo("CLOSED");
                assertThat(after.get("escalations")).isEqualTo("CLOSED");
                assertThat(after.get("escalated")).as("no open escalation left").isEqualTo("f");
            }
        }
    }

    @Test
    void theLifecycleOfAnEscalation() {
        Ctx ctx = escalatedTicket();
        String url = "/api/v1/escalations/" + ctx.escalationId();
        as(Api.SAM).post(url + "/acknowledge").then().statusCode(200);
        Map<String, String> acknowledged = Db.ticketState(ctx.ticketId());
        Problems.assertProblem(as(Api.SAM).post(url + "/acknowledge"), 409, "conflict");
        assertThat(Db.ticketState(ctx.ticketId())).isEqualTo(acknowledged);

        as(Api.SAM).post(url + "/close").then().statusCode(200);
        Map<String, String> closed = Db.ticketState(ctx.ticketId());
        Problems.assertProblem(as(Api.SAM).post(url + "/close"), 409, "conflict");
        Problems.assertProblem(as(Api.SAM).post(url + "/acknowledge"), 409, "conflict");
        assertThat(Db.ticketState(ctx.ticketId())).isEqualTo(closed);
        assertThat(as(Api.SAM).get("/api/v1/escalations").jsonPath().getList("id")).doesNotContain(ctx.escalationId());

        List<String> types = as(ANA).get("/api/v1/tickets/" + ctx.ticketId() + "/events").jsonPath().getList("items.type");
        assertThat(types).containsSubsequence("ESCALATED", "ESCALATION_ACKNOWLEDGED", "ESCALATION_CLOSED");
    }

    @Test
    void unknownOrMalformedEscalationIdsAre404ForASupervisor() {
        Problems.assertProblem(as(Api.SAM).post("/api/v1/escalations/" + UUID.randomUUID() + "/acknowledge"), 404,
                "not-found");
        Problems.assertProblem(as(Api.SAM).post("/api/v1/escalations/not-a-uuid/close"), 404, "not-found");
    }

    private static Ctx escalatedTicket() {
        String ticketId = Fixtures.clientTicket(ANA, Fixtures.unique("Escalated"), "MEDIUM").getString("id");
        String escalationId = as(ANA).body(Map.of("reason", "Nobody called back"))
                .post("/api/v1/tickets/" + ticketId + "/escalations").then().statusCode(201).extract().path("id");
        return new Ctx(ticketId, escalationId);
    }
}
