package org.eclipsesol.desk.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Signed test tokens shaped like the access tokens of the production Keycloak realm (deploy/keycloak): issuer,
 * audience {@code support-desk}, {@code typ: Bearer}, {@code email} + {@code email_verified}, roles in
 * {@code realm_access.roles}. They are signed with src/test/resources/test-oidc/private-key.pem, whose public key
 * the test profile trusts ({@code %test.quarkus.oidc.public-key}); the application verifies them as it verifies
 * Keycloak's (signature, issuer, audience, expiry, then Support Desk's own token policy).
 * <p>
 * The demo users and their roles are the ones configured for the OIDC Dev Services of dev mode
 * ({@code quarkus.oidc.devservices.roles.*}), so dev and test share one list of personas.
 */
public final class Tokens {

    public static final String ISSUER = "https://sso.test.support-desk/realms/support";
    public static final String AUDIENCE = "support-desk";
    private static final String KEY = "test-oidc/private-key.pem";
    private static final String ROLES_PREFIX = "quarkus.oidc.devservices.roles.";

    private Tokens() {
    }

    /** The roles of a demo user (or client id) as application.properties configures them. */
    public static List<String> rolesOf(String user) {
        Config config = ConfigProvider.getConfig();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(ROLES_PREFIX)) {
                String key = name.substring(ROLES_PREFIX.length()).replace("\"", "");
                if (key.equals(user)) {
                    List<String> roles = new ArrayList<>();
                    for (String role : config.getValue(name, String.class).split(",")) {
                        roles.add(role.trim());
                    }
                    return roles;
                }
            }
        }
        throw new IllegalArgumentException("No demo user " + user + " in quarkus.oidc.devservices.roles.*");
    }

    /** The access token of a demo user: subject and e-mail are the user name, the e-mail is verified. */
    public static String of(String user) {
        return user(user).sign();
    }

    /** A builder preset for a demo user; change what a test needs. */
    public static Builder user(String user) {
        String local = user.contains("@") ? user.substring(0, user.indexOf('@')) : user;
        Builder b = new Builder(user).realmRoles(rolesOf(user))
                .name(Character.toUpperCase(local.charAt(0)) + local.substring(1));
        if (user.contains("@")) {
            b.email(user, true);
        }
        return b;
    }

    /** The mail gateway's service-account token (client credentials). */
    public static String gateway() {
        return new Builder("service-account-mail-gateway").claim("azp", "mail-gateway")
                .claim("preferred_username", "service-account-mail-gateway").realmRoles(List.of("mail-gateway")).sign();
    }

    /** Any subject with no claims beyond the mandatory ones: add what the test is about. */
    public static Builder subject(String subject) {
        return new Builder(subject);
    }

    public static final class Builder {

        private final Map<String, Object> claims = new LinkedHashMap<>();
        private Object audience = AUDIENCE;
        private String issuer = ISSUER;

        private Builder(String subject) {
            claims.put("sub", subject);
            claims.put("typ", "Bearer");
            claims.put("azp", "support-desk-portal");
            claims.put("preferred_username", subject);
        }

        public Builder email(String email, Boolean verified) {
            claims.put("email", email);
            if (verified == null) {
                claims.remove("email_verified");
            } else {
                claims.put("email_verified", verified);
            }
            return this;
        }

        public Builder name(String name) {
            claims.put("name", name);
            return this;
        }

        public Builder realmRoles(List<String> roles) {
            claims.put("realm_access", Map.of("roles", roles));
            return this;
        }

        public Builder groups(List<String> groups) {
            claims.put("groups", groups);
            return this;
        }

        /** The token type claim Keycloak sets: Bearer for access tokens, ID for ID tokens. */
        public Builder type(String typ) {
            if (typ == null) {
                claims.remove("typ");
            } else {
                claims.put("typ", typ);
            }
            return this;
        }

        public Builder audience(Object audience) {
            this.audience = audience;
            return this;
        }

        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        public String sign() {
            JwtClaimsBuilder jwt = Jwt.claims(claims).issuer(issuer).expiresIn(Duration.ofHours(6));
            if (audience instanceof String single) {
                jwt.audience(single);
            } else if (audience instanceof java.util.Set<?> many) {
                @SuppressWarnings("unchecked")
                java.util.Set<String> set = (java.util.Set<String>) many;
                jwt.audience(set);
            }
            return jwt.jws().keyId("support-desk-test").sign(KEY);
        }
    }
}
