package org.eclipsesol.desk.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Asked before Quarkus OIDC's provider: a bearer token verified here lately ({@link VerifiedTokens}) gets its
 * identity again, bound to this request; any other token gets no answer, so OIDC verifies it.
 */
@ApplicationScoped
public class VerifiedTokenProvider implements IdentityProvider<TokenAuthenticationRequest> {

    @Inject
    VerifiedTokens tokens;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Above the default (1001) that OIDC's provider has. */
    @Override
    public int priority() {
        return 2 * SYSTEM_FIRST;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        SecurityIdentity known = tokens.lookup(request.getToken().getToken());
        if (known == null) {
            return Uni.createFrom().nullItem();
        }
        // the identity's per-request attributes (as OIDC sets them) must be this request's, not the first one's
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder(known);
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing != null) {
            identity.addAttribute(RoutingContext.class.getName(), routing);
            identity.addAttribute(AuthenticationRequestContext.class.getName(),
                    routing.get(AuthenticationRequestContext.class.getName()));
        }
        return Uni.createFrom().item(identity.build());
    }
}
