package org.eclipsesol.desk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.eclipsesol.desk.support.Api;
import org.eclipsesol.desk.support.Db;
import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.Persona;
import org.eclipsesol.desk.support.Problems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** GET /api/v1/me for every kind of caller: everybody with a token may ask who they are, nobody else. */
@QuarkusTest
class MeAuthorizationTest {

    static Stream<Arguments> callers() {
        return Stream.of(
                Arguments.of(Persona.CLIENT_OWN_ORG, 200, List.of("client"), Fixtures.ACME),
                Arguments.of(Persona.CLIENT_OTHER_ORG, 200, List.of("client"), Fixtures.GLOBEX),
                Arguments.of(Persona.CLIENT_NO_ORG, 200, List.of("client"), null),
                Arguments.of(Persona.TECHNICIAN, 200, List.of("technician"), null),
                Arguments.of(Persona.SUPERVISOR, 200, List.of("technician", "supervisor"), null),
                Arguments.of(Persona.NO_ROLE, 200, List.of(), null),
                Arguments.of(Persona.ANONYMOUS, 401, null, null));
    }

    @BeforeEach
    void organizations() {
        Fixtures.acme();
        Fixtures.globex();
        Fixtures.ensureNoOrganization(Api.NORA);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("callers")
    void meAnswersEachCaller(Persona persona, int status, List<String> roles, String organization) {
        var before = Db.counts();
        Response response = persona.json().get("/api/v1/me");
        if (status != 200) {
            Problems.assertProblem(response, status, "unauthenticated");
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        } else {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.jsonPath().getString("subject")).isEqualTo(persona.user());
            assertThat(response.jsonPath().getString("email")).isEqualTo(persona.user());
            assertThat(response.jsonPath().getList("roles", String.class)).containsExactlyInAnyOrderElementsOf(roles);
            assertThat(response.jsonPath().getString("organization.name")).isEqualTo(organization);
        }
        assertThat(Db.counts()).isEqualTo(before);
    }
}
