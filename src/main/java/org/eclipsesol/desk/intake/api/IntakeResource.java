package org.eclipsesol.desk.intake.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.common.RetryReads;
import org.eclipsesol.desk.intake.app.EmailInput;
import org.eclipsesol.desk.intake.app.IntakeResult;
import org.eclipsesol.desk.intake.app.IntakeService;
import org.eclipsesol.desk.security.CallerResolver;

import io.quarkus.security.Authenticated;

@RetryReads
@Path("/api/v1/intake/email")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "oidc")
@Tag(name = "Intake")
public class IntakeResource {

    @Inject
    IntakeService intake;

    @Inject
    CallerResolver callers;

    @POST
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "201", description = "Created", content = @org.eclipse.microprofile.openapi.annotations.media.Content(schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = IntakeResult.class)))
    @Operation(summary = "Inbound e-mail (mail-gateway only)", description = "New message → EMAIL ticket (201); [T-n] in the subject → comment; ESCALATE + [T-n] → escalation; same messageId again → 200 duplicate, nothing changes; unknown sender or unauthenticated mail → 422, nothing changes; auto-submitted mail (autoSubmitted other than no) → 202, nothing changes.")
    public Response receive(EmailInput mail) {
        if (mail == null) {
            throw ProblemException.badRequest("An e-mail body is required.");
        }
        IntakeResult result = intake.receive(callers.current(), mail);
        int status = IntakeResult.IGNORED.equals(result.outcome())
                ? 202
                : "TICKET_OPENED".equals(result.outcome()) && !result.duplicate() ? 201 : 200;
        return Response.status(status).entity(result).build();
    }
}
