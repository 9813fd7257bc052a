package org.eclipsesol.desk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.ANA;
import static org.eclipsesol.desk.support.Api.SAM;
import static org.eclipsesol.desk.support.Api.as;
import static org.eclipsesol.desk.support.Api.withToken;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.eclipsesol.desk.support.Api;
import org.eclipsesol.desk.support.Fixtures;
import org.eclipsesol.desk.support.Problems;
import org.eclipsesol.desk.support.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a token must be before Support Desk trusts it (issue 8, points 1–3): a verified e-mail chooses the
 * organization, the subject decides "own ticket", the API's own audience, access tokens only, realm roles only.
 */
@QuarkusTest
class TokenTrustTest {

    private static String client(String subject, String email, Boolean verified) {
        return Tokens.subject(subject).email(email, verified).name("Mallory").realmRoles(List.of("client")).sign();
    }

    @Test
    void anUnverifiedEmailChoosesNoOrganization() {
        String globex = Fixtures.globex();
        String ticket = Fixtures.clientTicket(Api.CARLA, Fixtures.unique("Globex secret"), "LOW").getString("id");
        for (Boolean verified : new Boolean[] { false, null }) {
            String token = client("mallory-" + UUID.randomUUID(), "carla@globex.example", verified);
            withToken(token).get("/api/v1/me").then().statusCode(200)
                    .body("email", equalTo("carla@globex.example"))
                    .body("organization", nullValue());
            Problems.assertProblem(withToken(token).get("/api/v1/tickets"), 403, "forbidden");
            Problems.assertProblem(withToken(token).get("/api/v1/tickets/" + ticket), 403, "forbidden");
        }
        // The same address, verified, is a Globex client.
        withToken(client("carla-2-" + UUID.randomUUID(), "carla@globex.example", true)).get("/api/v1/me").then()
                .body("organization.id", equalTo(globex));
    }

    @Test
    void anUnverifiedEmailDoesNotUseAnExplicitMembershipEither() {
        String acme = Fixtures.acme();
        String member = "member-" + UUID.randomUUID() + "@elsewhere.example";
        as(SAM).body(Map.of("email", member)).post("/api/v1/organizations/" + acme + "/members").then().statusCode(201);
        withToken(client("u-" + UUID.randomUUID(), member, false)).get("/api/v1/me").then().body("organization", nullValue());
        withToken(client("u-" + UUID.randomUUID(), member, true)).get("/api/v1/me").then()
                .body("organization.id", equalTo(acme));
    }

    @Test
    void ownTicketIsDecidedByTheSubjectNotTheEmail() {
        String id = Fixtures.clientTicket(ANA, Fixtures.unique("Ana's own"), "LOW").getString("id");
        // Another account with ana's (verified) address: same organization, but not the requester.
        String twin = client("ana-twin-" + UUID.randomUUID(), ANA, true);
        withToken(twin).get("/api/v1/tickets/" + id).then().statusCode(200);
        Problems.assertProblem(withToken(twin).body(Map.of("status", "CANCELLED")).patch("/api/v1/tickets/" + id), 403,
                "forbidden");
        as(ANA).body(Map.of("status", "CANCELLED")).patch("/api/v1/tickets/" + id).then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
    }

    @Test
    void aTicketOpenedOnSomeonesBehalfIsTheirsByEmail() {
        String id = Fixtures.staffTicket(Api.TOM, Fixtures.acme(), ANA, Fixtures.unique("Phoned in"), "LOW", null)
                .getString("id");
        Problems.assertProblem(as(Api.BEN).body(Map.of("status", "CANCELLED")).patch("/api/v1/tickets/" + id), 403,
                "forbidden");
        as(ANA).body(Map.of("status", "CANCELLED")).patch("/api/v1/tickets/" + id).then().statusCode(200);
    }

    @Test
    void onlyTheApisOwnAudienceIsAccepted() {
        Problems.assertProblem(withToken(Tokens.user(ANA).audience("account").sign()).get("/api/v1/me"), 401,
                "unauthenticated");
        Problems.assertProblem(withToken(Tokens.user(ANA).audience(null).sign()).get("/api/v1/me"), 401,
                "unauthenticated");
        withToken(Tokens.user(ANA).audience(Set.of("account", "support-desk")).sign()).get("/api/v1/me").then()
                .statusCode(200);
    }

    @Test
    void anIdTokenIsNotAnAccessToken() {
        // Keycloak's ID tokens carry the client id as audience, so only the type tells them apart.
        Problems.assertProblem(withToken(Tokens.user(ANA).type("ID").sign()).get("/api/v1/me"), 401, "unauthenticated");
        Problems.assertProblem(withToken(Tokens.user(ANA).type(null).sign()).get("/api/v1/me"), 401, "unauthenticated");
        withToken(Tokens.user(ANA).sign()).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        Problems.assertProblem(withToken(Tokens.user(ANA).issuer("https://evil.example/realms/support").sign())
                .get("/api/v1/me"), 401, "unauthenticated");
    }

    @Test
    void rolesComeFromRealmRolesNotFromGroups() {
        String token = Tokens.subject("grouped-" + UUID.randomUUID()).email("g@acme.example", true)
                .realmRoles(List.of("client")).groups(List.of("supervisor", "technician")).sign();
        withToken(token).get("/api/v1/me").then().statusCode(200).body("roles", contains("client"));
        Problems.assertProblem(withToken(token).body(Map.of("name", "Group Co", "emailDomains", List.of("gco.example")))
                .post("/api/v1/organizations"), 403, "forbidden");
        String onlyGroups = Tokens.subject("grouped-" + UUID.randomUUID()).email("h@eclipsesol.org", true)
                .realmRoles(List.of()).groups(List.of("supervisor")).sign();
        withToken(onlyGroups).get("/api/v1/me").then().statusCode(200).body("roles", org.hamcrest.Matchers.empty());
    }

    @Test
    void prodRefusesToStartWithAnIssuerButNoAudience() {
        Optional<String> issuer = Optional.of("https://sso.example/realms/support");
        assertThat(IdentityStartupCheck.problem(LaunchMode.NORMAL, issuer, Optional.empty())).contains("OIDC_AUDIENCE");
        assertThat(IdentityStartupCheck.problem(LaunchMode.NORMAL, issuer, Optional.of(List.of("")))).isNotNull();
        assertThat(IdentityStartupCheck.problem(LaunchMode.NORMAL, issuer, Optional.of(List.of("support-desk")))).isNull();
        assertThat(IdentityStartupCheck.problem(LaunchMode.DEVELOPMENT, issuer, Optional.empty())).isNull();
    }
}
