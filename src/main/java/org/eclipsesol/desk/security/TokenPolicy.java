package org.eclipsesol.desk.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipsesol.desk.common.DeskConfig;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Support Desk's checks on a token Quarkus has verified (signature, issuer, audience, expiry): it must be an
 * access token, not an ID token (both carry the client id as audience in Keycloak), and roles come from
 * {@code realm_access.roles} unless {@code desk.identity.roles-from-groups} opts in to the {@code groups} claim.
 */
@ApplicationScoped
public class TokenPolicy implements SecurityIdentityAugmentor {

    @Inject
    DeskConfig config;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        if (config.identity().accessTokensOnly() && !isAccessToken(jwt)) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Only access tokens are accepted."));
        }
        if (config.identity().rolesFromGroups()) {
            Object groups = jwt.getClaim("groups");
            if (groups instanceof Collection<?> names && !names.isEmpty()) {
                QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity);
                for (Object name : names) {
                    builder.addRole(unquote(String.valueOf(name)));
                }
                return Uni.createFrom().item(builder.build());
            }
        }
        return Uni.createFrom().item(identity);
    }

    /**
     * Keycloak marks its access tokens {@code typ: Bearer} (ID tokens: {@code ID}); RFC 9068 access tokens say
     * {@code at+jwt} in the header instead.
     */
    static boolean isAccessToken(JsonWebToken jwt) {
        Object typ = jwt.getClaim("typ");
        if (typ != null) {
            return "Bearer".equalsIgnoreCase(unquote(typ.toString()));
        }
        String raw = jwt.getRawToken();
        if (raw == null || raw.indexOf('.') < 0) {
            return false;
        }
        try {
            String header = new String(Base64.getUrlDecoder().decode(raw.substring(0, raw.indexOf('.'))),
                    StandardCharsets.UTF_8).replace(" ", "").toLowerCase();
            return header.contains("\"typ\":\"at+jwt\"") || header.contains("\"typ\":\"application/at+jwt\"");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String unquote(String value) {
        return value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
