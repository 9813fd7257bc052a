package org.eclipsesol.desk.escalation.api;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipsesol.desk.common.Ids;
import org.eclipsesol.desk.common.RetryReads;
import org.eclipsesol.desk.escalation.app.EscalationService;
import org.eclipsesol.desk.escalation.app.EscalationView;
import org.eclipsesol.desk.security.CallerResolver;

import io.quarkus.security.Authenticated;

/** The supervisors' escalation queue. */
@RetryReads
@Path("/api/v1/escalations")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "oidc")
@Tag(name = "Escalations")
public class EscalationResource {

    @Inject
    EscalationService escalations;

    @Inject
    CallerResolver callers;

    @GET
    @Operation(summary = "Escalations not yet closed (supervisor)")
    public List<EscalationView> open() {
        return escalations.open(callers.current());
    }

    @POST
    @Path("{id}/acknowledge")
    @Operation(summary = "Acknowledge an escalation (supervisor)")
    public EscalationView acknowledge(@PathParam("id") String id) {
        return escalations.acknowledge(callers.current(), Ids.parse(id, "Escalation"));
    }

    @POST
    @Path("{id}/close")
    @Operation(summary = "Close an escalation (supervisor)")
    public EscalationView close(@PathParam("id") String id) {
        return escalations.close(callers.current(), Ids.parse(id, "Escalation"));
    }
}
