package org.eclipsesol.desk.security;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipsesol.desk.common.RetryReads;

import io.quarkus.security.Authenticated;

@RetryReads
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "oidc")
@Tag(name = "Me")
public class MeResource {

    /** The caller as Support Desk sees them. */
    public record Me(String subject, String name, String email, List<String> roles, OrganizationRef organization) {
    }

    @Inject
    CallerResolver callers;

    @GET
    @Operation(summary = "Who am I", description = "Subject, name, e-mail, roles and the resolved organization (null if none).")
    public Me me() {
        Caller caller = callers.current();
        return new Me(caller.id(), caller.name(), caller.email(), caller.roles().stream().map(Role::claimValue).toList(),
                caller.organization());
    }
}
