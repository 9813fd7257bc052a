package org.eclipsesol.desk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipsesol.desk.support.Api.withToken;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipsesol.desk.support.Problems;
import org.eclipsesol.desk.support.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;

/**
 * A replica reuses what verifying a bearer token found (VerifiedTokens) without trusting anything it would not
 * trust on a first verification: every check of ours and every authorization runs again, another text is another
 * token, and nothing is reused past the token's expiry or the reuse period.
 */
@QuarkusTest
class VerifiedTokenReuseTest {

    @Inject
    VerifiedTokens tokens;

    private static String client(String subject) {
        return Tokens.subject(subject).email(subject + "@nowhere.example", true).realmRoles(List.of("client")).sign();
    }

    @Test
    void theSameTokenIsVerifiedOnceAndReusedWithItsOwnRoles() {
        String subject = "reuse-" + UUID.randomUUID();
        String token = client(subject);
        long before = tokens.reuses();
        for (int i = 0; i < 3; i++) {
            withToken(token).get("/api/v1/me").then().statusCode(200).body("subject", equalTo(subject))
                    .body("roles", contains("client"));
            // authorization still runs on the reused identity: a client is no supervisor
            Problems.assertProblem(withToken(token).body(Map.of("name", "Reuse Co", "emailDomains", List.of("reuse.example")))
                    .post("/api/v1/organizations"), 403, "forbidden");
        }
        assertThat(tokens.reuses() - before).as("requests that reused the verification").isGreaterThanOrEqualTo(5);
    }

    @Test
    void aForgedSignatureIsRefusedAfterTheGenuineTokenWasReused() {
        String token = client("forge-" + UUID.randomUUID());
        withToken(token).get("/api/v1/me").then().statusCode(200);
        withToken(token).get("/api/v1/me").then().statusCode(200);
        String signature = token.substring(token.lastIndexOf('.') + 1);
        String flipped = (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + flipped;
        Problems.assertProblem(withToken(forged).get("/api/v1/me"), 401, "unauthenticated");
        // the same claims with the other part changed (here: the payload) are another token too
        String[] parts = token.split("\\.");
        String otherPayload = parts[0] + "." + parts[1] + "x." + parts[2];
        Problems.assertProblem(withToken(otherPayload).get("/api/v1/me"), 401, "unauthenticated");
    }

    @Test
    void ourOwnChecksRunOnEveryRequestNotOnlyOnTheFirst() {
        // an ID token passes Quarkus' verification and is refused by TokenPolicy each time, never remembered as good
        String idToken = Tokens.user("ana@acme.example").type("ID").sign();
        for (int i = 0; i < 3; i++) {
            Problems.assertProblem(withToken(idToken).get("/api/v1/me"), 401, "unauthenticated");
        }
    }

    @Test
    void nothingIsReusedPastTheTokensExpiryOrTheReusePeriod() {
        long now = 2_000_000_000L;
        SecurityIdentity expiringSoon = identity("raw-a-" + UUID.randomUUID(), now + 10);
        tokens.remember(expiringSoon, now);
        String raw = ((JsonWebToken) expiringSoon.getPrincipal()).getRawToken();
        assertThat(tokens.lookup(raw, now + 9)).isSameAs(expiringSoon);
        assertThat(tokens.lookup(raw, now + 10)).as("at its exp").isNull();

        SecurityIdentity longLived = identity("raw-b-" + UUID.randomUUID(), now + 3600);
        tokens.remember(longLived, now);
        String rawB = ((JsonWebToken) longLived.getPrincipal()).getRawToken();
        // remembering again later (a reused identity passes the recorder too) does not extend the reuse
        tokens.remember(longLived, now + 59);
        assertThat(tokens.lookup(rawB, now + 59)).isSameAs(longLived);
        assertThat(tokens.lookup(rawB, now + 60)).as("after the 60 s reuse period").isNull();

        SecurityIdentity expired = identity("raw-c-" + UUID.randomUUID(), now);
        tokens.remember(expired, now);
        assertThat(tokens.lookup(((JsonWebToken) expired.getPrincipal()).getRawToken(), now)).isNull();
    }

    private static SecurityIdentity identity(String raw, long expiry) {
        var claims = new org.jose4j.jwt.JwtClaims();
        claims.setSubject("unit");
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(expiry));
        JWTCallerPrincipal principal = new DefaultJWTCallerPrincipal(raw, "JWT", claims);
        return QuarkusSecurityIdentity.builder().setPrincipal(principal).addRole("client").build();
    }
}
