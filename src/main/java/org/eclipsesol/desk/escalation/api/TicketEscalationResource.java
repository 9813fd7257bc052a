package org.eclipsesol.desk.escalation.api;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.common.RetryReads;
import org.eclipsesol.desk.escalation.app.EscalationInput;
import org.eclipsesol.desk.escalation.app.EscalationService;
import org.eclipsesol.desk.escalation.app.EscalationView;
import org.eclipsesol.desk.security.CallerResolver;
import org.eclipsesol.desk.ticket.app.TicketAccess;

import io.quarkus.security.Authenticated;

/**
 * A ticket's escalations. A root resource of its own under {@code /api/v1/tickets/{id}/escalations} (the escalation
 * feature sits above tickets): JAX-RS picks the root resource with the longest literal path first.
 */
@RetryReads
@Path("/api/v1/tickets/{id}/escalations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "oidc")
@Tag(name = "Tickets")
public class TicketEscalationResource {

    @Inject
    EscalationService escalations;

    @Inject
    CallerResolver callers;

    @GET
    @Operation(summary = "List the ticket's escalations")
    public List<EscalationView> escalations(@PathParam("id") String id) {
        return escalations.forTicket(callers.current(), TicketAccess.parseId(id));
    }

    @POST
    @Operation(summary = "Escalate", description = "Clients and staff may escalate an open ticket with a reason; supervisors are notified.")
    public Response escalate(@PathParam("id") String id, EscalationInput input) {
        if (input == null) {
            throw ProblemException.badRequest("An escalation reason is required.");
        }
        EscalationView view = escalations.escalate(callers.current(), TicketAccess.parseId(id), input);
        return Response.status(Response.Status.CREATED).entity(view).build();
    }
}
