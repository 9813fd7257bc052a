package org.eclipsesol.desk.ticket.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.security.CallerResolver;
import org.eclipsesol.desk.ticket.app.SatisfactionInput;
import org.eclipsesol.desk.ticket.app.SatisfactionResult;
import org.eclipsesol.desk.ticket.app.SatisfactionService;
import org.eclipsesol.desk.ticket.app.TicketAccess;

import io.quarkus.security.Authenticated;

/** A client's satisfaction rating of a ticket. */
@Path("/api/v1/tickets/{id}/satisfaction")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "oidc")
@Tag(name = "Tickets")
public class TicketSatisfactionResource {

    @Inject
    SatisfactionService satisfaction;

    @Inject
    CallerResolver callers;

    @POST
    @Operation(summary = "Rate a ticket", description = "GOOD or BAD with an optional comment, by a client of the ticket's organization, once, when the ticket is RESOLVED or within 7 days of its closing (else 409). A BAD rating of a ticket that can still be escalated returns the offer to escalate.")
    @APIResponse(responseCode = "201", description = "Rated", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SatisfactionResult.class)))
    public Response rate(@PathParam("id") String id, SatisfactionInput input) {
        if (input == null) {
            throw ProblemException.badRequest("A rating is required.");
        }
        SatisfactionResult result = satisfaction.rate(callers.current(), TicketAccess.parseId(id), input);
        return Response.status(Response.Status.CREATED).entity(result).build();
    }
}
