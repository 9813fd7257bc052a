package org.eclipsesol.desk.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.SAM;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Organization endpoints against every kind of caller, on Acme Dental (the organization of the
 * CLIENT_OWN_ORG persona). A refused call answers the exact status as problem+json and changes nothing.
 */
@QuarkusTest
class OrganizationAuthorizationTest {

    record Ctx(String acmeId, Map<String, Object> acmeAgreement, String marker) {

        String url() {
            return "/api/v1/organizations/" + acmeId;
        }
    }

    enum Endpoint {

        LIST_ORGANIZATIONS,
        GET_OWN_ORGANIZATION,
        CREATE_ORGANIZATION,
        PUT_AGREEMENT,
        LIST_MEMBERS,
        ADD_MEMBER;

        Response call(Persona p, Ctx c) {
            return switch (this) {
                case LIST_ORGANIZATIONS -> p.json().queryParam("limit", 100).get("/api/v1/organizations");
                case GET_OWN_ORGANIZATION -> p.json().get(c.url());
                case CREATE_ORGANIZATION -> p.json()
                        .body(Map.of("name", "Initech " + c.marker(), "emailDomains", List.of(c.marker() + ".example")))
                        .post("/api/v1/organizations");
                case PUT_AGREEMENT -> p.json().body(c.acmeAgreement()).put(c.url() + "/agreement");
                case LIST_MEMBERS -> p.json().get(c.url() + "/members");
                case ADD_MEMBER ->
                    p.json().body(Map.of("email", c.marker() + "@contractor.example")).post(c.url() + "/members");
            };
        }
    }

    static final String MATRIX = """
            endpoint              CLIENT_OWN_ORG CLIENT_OTHER_ORG CLIENT_NO_ORG TECHNICIAN SUPERVISOR NO_ROLE ANONYMOUS
            LIST_ORGANIZATIONS    200            200              403           200        200        403     401
            GET_OWN_ORGANIZATION  200            404              403           200        200        403     401
            CREATE_ORGANIZATION   403            403              403           403        201        403     401
            PUT_AGREEMENT         403            403              403           403        200        403     401
            LIST_MEMBERS          403            403              403           200        200        403     401
            ADD_MEMBER            403            403              403           403        201        403     401
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
        String acme = Fixtures.acme();
        // The agreement Acme has now: a supervisor's PUT stores it again, so Acme stays as other tests expect.
        Map<String, Object> agreement = as(SAM).get("/api/v1/organizations/" + acme).then().statusCode(200).extract()
                .jsonPath().getMap("agreement");
        Ctx ctx = new Ctx(acme, agreement, "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        Map<String, Long> countsBefore = Db.counts();
        String acmeBefore = as(SAM).get(ctx.url()).asString();
        String membersBefore = as(SAM).get(ctx.url() + "/members").asString();

        Response response = endpoint.call(persona, ctx);

        if (expected >= 400) {
            Problems.assertProblem(response, expected);
            assertThat(Db.counts()).isEqualTo(countsBefore);
            assertThat(as(SAM).get(ctx.url()).asString()).isEqualTo(acmeBefore);
            assertThat(as(SAM).get(ctx.url() + "/members").asString()).isEqualTo(membersBefore);
            return;
        }
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(expected);
        switch (endpoint) {
            case LIST_ORGANIZATIONS -> {
                List<String> names = response.jsonPath().getList("items.name");
                switch (persona) {
                    case CLIENT_OWN_ORG -> assertThat(names).containsExactly(Fixtures.ACME);
                    case CLIENT_OTHER_ORG -> assertThat(names).containsExactly(Fixtures.GLOBEX);
                    default -> assertThat(names).contains(Fixtures.ACME, Fixtures.GLOBEX);
                }
            }
            case GET_OWN_ORGANIZATION -> assertThat(response.jsonPath().getString("name")).isEqualTo(Fixtures.ACME);
            case CREATE_ORGANIZATION -> {
                assertThat(Db.counts().get("organization")).isEqualTo(countsBefore.get("organization") + 1);
                assertThat(response.header("Location"))
                        .endsWith("/api/v1/organizations/" + response.jsonPath().getString("id"));
            }
            case PUT_AGREEMENT -> assertThat(response.jsonPath().getMap("agreement")).isEqualTo(agreement);
            case LIST_MEMBERS -> assertThat(response.asString()).isEqualTo(membersBefore);
            case ADD_MEMBER -> assertThat(Db.counts().get("membership")).isEqualTo(countsBefore.get("membership") + 1);
        }
    }

    /** A client asking for another organization gets the same answer as for an organization that does not exist. */
    @org.junit.jupiter.api.Test
    void anotherOrganizationLooksExactlyLikeAMissingOne() {
        String globex = Fixtures.globex();
        String missing = UUID.randomUUID().toString();
        var other = Problems.assertProblem(as(Api.ANA).get("/api/v1/organizations/" + globex), 404, "not-found");
        var absent = Problems.assertProblem(as(Api.ANA).get("/api/v1/organizations/" + missing), 404, "not-found");
        assertThat(other.getString("detail").replace(globex, "ID"))
                .isEqualTo(absent.getString("detail").replace(missing, "ID"));
    }
}
