package org.eclipsesol.desk.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.TOM;
import static org.eclipsesol.desk.support.Api.as;
import static org.eclipsesol.desk.support.Api.bare;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.eclipsesol.desk.support.Db;
import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.Problems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Bad input on the organization endpoints: exact 4xx problem+json, no Java internals, nothing changed. */
@QuarkusTest
class OrganizationBadInputTest {

    static String acme;

    @BeforeEach
    void organizations() {
        acme = Fixtures.acme();
        Fixtures.globex();
    }

    record Case(String name, Function<String, Response> request, int status, String type, String... fields) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        String orgs = "/api/v1/organizations";
        return Stream.of(
                invalid("list: limit=abc", u -> as(TOM).queryParam("limit", "abc").get(orgs), "limit"),
                invalid("list: limit=0", u -> as(TOM).queryParam("limit", "0").get(orgs), "limit"),
                invalid("list: limit=101", u -> as(TOM).queryParam("limit", "101").get(orgs), "limit"),
                invalid("list: cursor not base64", u -> as(TOM).queryParam("cursor", "***").get(orgs), "cursor"),
                invalid("list: cursor of another shape", u -> as(TOM).queryParam("cursor", "YWJj").get(orgs), "cursor"),
                problem("get: id not a UUID", u -> as(TOM).get(orgs + "/not-a-uuid"), 404, "not-found"),
                problem("get: unknown id", u -> as(TOM).get(orgs + "/" + UUID.randomUUID()), 404, "not-found"),
                bad("create: malformed JSON", u -> as(SAM).body("{\"name\": ").post(orgs)),
                invalid("create: no name", u -> as(SAM).body(Map.of("emailDomains", List.of())).post(orgs), "name"),
                invalid("create: blank name", u -> as(SAM).body(org("name", " ")).post(orgs), "name"),
                invalid("create: not an e-mail domain", u -> as(SAM).body(org("emailDomains", List.of("not a domain")))
                        .post(orgs), "emailDomains[0]"),
                invalid("create: unknown field", u -> as(SAM).body(org("website", "https://x.example")).post(orgs), "website"),
                invalid("create: unknown covered service",
                        u -> as(SAM).body(org("agreement", Map.of("coveredServices", List.of("PLUMBING")))).post(orgs),
                        "agreement.coveredServices[0]"),
                invalid("create: agreement without covered services",
                        u -> as(SAM).body(org("agreement", Map.of("targets", Map.of()))).post(orgs),
                        "agreement.coveredServices"),
                invalid("create: target not a duration",
                        u -> as(SAM).body(org("agreement", Map.of("coveredServices", List.of("MANAGED_IT"), "targets",
                                Map.of("HIGH", Map.of("response", "8 hours", "resolution", "PT8H"))))).post(orgs),
                        "agreement.targets.HIGH.response"),
                invalid("create: negative target",
                        u -> as(SAM).body(org("agreement", Map.of("coveredServices", List.of("MANAGED_IT"), "targets",
                                Map.of("HIGH", Map.of("response", "-PT1H", "resolution", "PT8H"))))).post(orgs),
                        "agreement.targets.HIGH.response"),
                invalid("create: resolution shorter than response",
                        u -> as(SAM).body(org("agreement", Map.of("coveredServices", List.of("MANAGED_IT"), "targets",
                                Map.of("HIGH", Map.of("response", "PT8H", "resolution", "PT1H"))))).post(orgs),
                        "agreement.targets.HIGH.resolution"),
                problem("create: a name that exists", u -> as(SAM).body(org("name", Fixtures.ACME)).post(orgs), 409,
                        "conflict"),
                problem("create: a domain another organization has",
                        u -> as(SAM).body(org("emailDomains", List.of("acme.example"))).post(orgs), 409, "conflict"),
                problem("create: text/plain", u -> bare(SAM).contentType("text/plain").accept("application/json")
                        .body("Initech").post(orgs), 415, "unsupported-media-type"),
                invalid("agreement: unknown priority",
                        u -> as(SAM).body(Map.of("coveredServices", List.of("MANAGED_IT"), "targets",
                                Map.of("URGENT", Map.of("response", "PT1H", "resolution", "PT8H")))).put(u + "/agreement"),
                        "targets"),
                invalid("agreement: target without resolution",
                        u -> as(SAM).body(Map.of("coveredServices", List.of("MANAGED_IT"), "targets",
                                Map.of("HIGH", Map.of("response", "PT1H")))).put(u + "/agreement"),
                        "targets[HIGH].resolution"),
                bad("agreement: empty body", u -> as(SAM).body("").put(u + "/agreement")),
                invalid("member: not an e-mail", u -> as(SAM).body(Map.of("email", "frank")).post(u + "/members"), "email"),
                invalid("member: no e-mail", u -> as(SAM).body("{}").post(u + "/members"), "email"),
                problem("member: already in another organization", u -> {
                    String email = "twice-" + UUID.randomUUID() + "@contractor.example";
                    as(SAM).body(Map.of("email", email)).post("/api/v1/organizations/" + Fixtures.globex() + "/members")
                            .then().statusCode(201);
                    return as(SAM).body(Map.of("email", email)).post(u + "/members");
                }, 409, "conflict"),
                problem("a client asking for a list with a bad limit is still told about the limit",
                        u -> as(ANA).queryParam("limit", "-1").get(orgs), 400, "validation"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputIsAProblemAndChangesNothing(Case c) {
        String url = "/api/v1/organizations/" + acme;
        String acmeBefore = as(SAM).get(url).asString();
        Response response;
        Map<String, Long> before;
        if (c.name().startsWith("member: already")) {
            // This case sets up its own membership first; compare from after that.
            response = c.request().apply(url);
            before = Db.counts();
        } else {
            before = Db.counts();
            response = c.request().apply(url);
        }

        if (c.fields().length > 0) {
            Problems.assertViolations(response, c.fields());
        } else {
            Problems.assertProblem(response, c.status(), c.type());
        }
        assertThat(Db.counts()).isEqualTo(before);
        assertThat(as(SAM).get(url).asString()).isEqualTo(acmeBefore);
    }

    private static Arguments bad(String name, Function<String, Response> request) {
        return Arguments.of(new Case(name, request, 400, "bad-request"));
    }

    private static Arguments invalid(String name, Function<String, Response> request, String... fields) {
        return Arguments.of(new Case(name, request, 400, "validation", fields));
    }

    private static Arguments problem(String name, Function<String, Response> request, int status, String type) {
        return Arguments.of(new Case(name, request, status, type));
    }

    private static Map<String, Object> org(String field, Object value) {
        Map<String, Object> body = new HashMap<>();
        String marker = UUID.randomUUID().toString().substring(0, 8);
        body.put("name", "Bad input " + marker);
        body.put("emailDomains", List.of("bad-" + marker + ".example"));
        body.put(field, value);
        return body;
    }
}
