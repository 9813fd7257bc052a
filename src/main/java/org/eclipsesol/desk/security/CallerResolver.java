package org.eclipsesol.desk.security;

import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Resolves the {@link Caller} once per request: roles from the identity (realm_access.roles and groups,
 * see application.properties), and for clients the organization: explicit membership wins, otherwise the
 * organization whose registered e-mail domain matches the token's e-mail.
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
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            subject = jwt.getSubject() != null ? jwt.getSubject() : subject;
            email = jwt.getClaim("email");
            name = jwt.getClaim("name");
            if (name == null) {
                name = jwt.getClaim("preferred_username");
            }
        }
        email = email == null ? null : email.trim().toLowerCase();
        OrganizationRef organization = roles.contains(Role.CLIENT) ? directory.organizationOf(email) : null;
        Caller caller = new Caller(subject, name, email, roles, organization);
        users.remember(caller);
        return caller;
    }
}
