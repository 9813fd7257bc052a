package org.eclipsesol.desk.security;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.profile.IfBuildProfile;

/**
 * Dev mode only: tells where the built-in OIDC Dev Services server listens (a random port), so the
 * README's curl commands can fetch tokens. Not part of the product API; absent from prod builds.
 */
@IfBuildProfile("dev")
@Path("/dev/oidc")
public class DevOidcResource {

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String issuer;

    @ConfigProperty(name = "quarkus.oidc.client-id")
    String clientId;

    @ConfigProperty(name = "quarkus.oidc.credentials.secret")
    String secret;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> oidc() {
        return Map.of("issuer", issuer, "tokenEndpoint", issuer + "/token", "clientId", clientId, "clientSecret", secret);
    }
}
