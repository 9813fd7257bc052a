package org.eclipsesol.desk.notify.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipsesol.desk.notify.app.PreferenceInput;
import org.eclipsesol.desk.notify.app.PreferenceService;
import org.eclipsesol.desk.notify.app.PreferenceView;
import org.eclipsesol.desk.security.CallerResolver;

import io.quarkus.security.Authenticated;

/** The caller's e-mail notices. */
@Path("/api/v1/me/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "oidc")
@Tag(name = "Me")
public class MyNotificationsResource {

    @Inject
    PreferenceService preferences;

    @Inject
    CallerResolver callers;

    @GET
    @Operation(summary = "Which optional e-mail notices I switched off")
    public PreferenceView get() {
        return preferences.get(callers.current());
    }

    @PUT
    @Operation(summary = "Switch optional e-mail notices off (the list replaces the previous one)")
    public PreferenceView put(PreferenceInput input) {
        return preferences.put(callers.current(), input);
    }
}
