package org.eclipsesol.desk.ticket.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.common.RetryReads;
import org.eclipsesol.desk.security.CallerResolver;
import org.eclipsesol.desk.sla.app.OverrideInput;
import org.eclipsesol.desk.sla.app.SlaView;
import org.eclipsesol.desk.sla.app.TimelineView;
import org.eclipsesol.desk.ticket.app.SlaOverrideService;
import org.eclipsesol.desk.ticket.app.SlaTimelineService;
import org.eclipsesol.desk.ticket.app.TicketAccess;

import io.quarkus.security.Authenticated;

/**
 * A ticket's SLA override and timeline. A root resource of its own under {@code /api/v1/tickets/{id}/sla}: JAX-RS
 * picks the root resource with the longest literal path first and does not fall back, so these methods under
 * {@code /api/v1} were shadowed by {@code /api/v1/tickets} (TicketResource) and answered 404.
 */
@RetryReads
@Path("/api/v1/tickets/{id}/sla")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "oidc")
@Tag(name = "SLA")
public class TicketSlaResource {

    @Inject
    SlaOverrideService overrides;

    @Inject
    SlaTimelineService timelines;

    @Inject
    CallerResolver callers;

    @PUT
    @Path("override")
    @Operation(summary = "Override a ticket's targets with a reason (supervisor)")
    public SlaView override(@PathParam("id") String id, OverrideInput input) {
        if (input == null) {
            throw ProblemException.badRequest("An override body is required.");
        }
        return overrides.override(callers.current(), TicketAccess.parseId(id), input);
    }

    @GET
    @Path("timeline")
    @Operation(summary = "Explain a ticket's SLA", description = "The segments (counting, outside business hours, paused, resolved) that make up each target's elapsed time, derived from the ticket's events.")
    public TimelineView timeline(@PathParam("id") String id) {
        return timelines.timeline(callers.current(), TicketAccess.parseId(id));
    }
}
