package org.eclipsesol.desk.security;

import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Resolves the {@link Caller} once per request: roles from the identity (realm_access.roles, see
 * {@link TokenPolicy}), and for clients the organization: explicit membership wins, otherwise the organization
 * whose registered e-mail domain matches the token's e-mail. Either only for a verified e-mail
 * ({@code email_verified: true}): an address the user typed in themselves chooses nothing.
 */
@RequestScoped
public class CallerResolver {

    @Inject
    SecurityIdentity identity;

    @Inject
    OrganizationDirectory directory;

    @Inject
    UserDirectory users;

    private Caller resolved;

    public Caller current() {
        if (resolved == null) {
            resolved = resolve();
        }
        return resolved;
    }

    private Caller resolve() {
        if (identity == null || identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : identity.getRoles()) {
            Role role = Role.fromClaim(name);
            if (role != null) {
                roles.add(role);
            }
        }
        String subject = identity.getPrincipal().getName();
        String email = null;
        String name = null;
        boolean verified = false;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            subject = jwt.getSubject() != null ? jwt.getSubject() : subject;
            email = text(jwt.getClaim("email"));
            name = text(jwt.getClaim("name"));
            if (name == null) {
                name = text(jwt.getClaim("preferred_username"));
            }
            verified = isTrue(jwt.getClaim("email_verified"));
        }
        email = email == null ? null : email.toLowerCase();
        OrganizationRef organization = roles.contains(Role.CLIENT) ? directory.organizationOfTokenHolder(email, verified)
                : null;
        Caller caller = new Caller(subject, name, email, roles, organization);
        users.remember(caller);
        return caller;
    }

    /** A string claim trimmed (labels in lists, reports and CSV come from it); blank is absent. */
    private static String text(Object claim) {
        if (claim == null) {
            return null;
        }
        String value = claim instanceof jakarta.json.JsonString s ? s.getString() : claim.toString();
        value = value.strip();
        return value.isEmpty() ? null : value;
    }

    private static boolean isTrue(Object claim) {
        if (claim instanceof Boolean b) {
            return b;
        }
        if (claim instanceof jakarta.json.JsonValue v) {
            return v.getValueType() == jakarta.json.JsonValue.ValueType.TRUE;
        }
        return claim != null && "true".equalsIgnoreCase(claim.toString());
    }
}
