package org.eclipsesol.desk.sla.api;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipsesol.desk.catalog.Priority;
import org.eclipsesol.desk.common.Enums;
import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.common.QueryParams;
import org.eclipsesol.desk.common.RetryReads;
import org.eclipsesol.desk.security.CallerResolver;
import org.eclipsesol.desk.sla.app.HolidayService;
import org.eclipsesol.desk.sla.app.HolidayView;
import org.eclipsesol.desk.sla.app.PolicyInput;
import org.eclipsesol.desk.sla.app.PolicyService;
import org.eclipsesol.desk.sla.app.PolicyView;
import org.eclipsesol.desk.sla.app.QuoteService;
import org.eclipsesol.desk.sla.app.QuoteView;

import io.quarkus.security.Authenticated;

/**
 * SLA policies, holidays and quotes over REST; a ticket's override and timeline are in the ticket feature (TicketSlaResource).
 */
@RetryReads
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "oidc")
@Tag(name = "SLA")
public class SlaResource {

    @Inject
    PolicyService policies;

    @Inject
    HolidayService holidayService;

    @Inject
    QuoteService quotes;

    @Inject
    CallerResolver callers;

    @GET
    @Path("sla/quote")
    @Operation(summary = "Quote targets", description = "The response and resolution targets, with dueAt, a ticket opened at openedAt (default now) would get.")
    public QuoteView quote(@QueryParam("priority") String priority, @QueryParam("openedAt") String openedAt,
            @QueryParam("organizationId") String organizationId) {
        Instant at = null;
        if (openedAt != null && !openedAt.isBlank()) {
            try {
                at = OffsetDateTime.parse(openedAt.trim()).toInstant();
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("openedAt",
                        "must be an ISO-8601 instant with offset, e.g. 2026-11-27T16:00:00-07:00");
            }
        }
        Priority p = Enums.parse(Priority.class, priority, "priority");
        return quotes.quote(callers.current(), p, at, QueryParams.uuid(organizationId, "organizationId"));
    }

    @GET
    @Path("sla/policies")
    @Operation(summary = "All policy versions")
    public List<PolicyView> policies() {
        return policies.policies(callers.current());
    }

    @GET
    @Path("sla/policies/current")
    @Operation(summary = "The policy version in force now")
    public PolicyView current() {
        return policies.current(callers.current());
    }

    @GET
    @Path("sla/policies/{version: \\d+}")
    @Operation(summary = "One policy version", description = "The address a publication answers in its Location header.")
    public PolicyView policy(@PathParam("version") int version) {
        return policies.policy(callers.current(), version);
    }

    @POST
    @Path("sla/policies")
    @Operation(summary = "Publish a new policy version (supervisor)", description = "Immutable; in force at once for tickets opened from then on.")
    public Response publish(PolicyInput input) {
        if (input == null) {
            throw ProblemException.badRequest("A policy body is required.");
        }
        PolicyView view = policies.publish(callers.current(), input);
        return Response.created(URI.create("/api/v1/sla/policies/" + view.version())).entity(view).build();
    }

    @GET
    @Path("sla/holidays")
    @Operation(summary = "Holidays (dates in the policy's time zone)")
    public List<HolidayView> holidays() {
        return holidayService.holidays(callers.current());
    }

    @PUT
    @Path("sla/holidays")
    @Operation(summary = "Replace the holidays (supervisor)")
    public List<HolidayView> putHolidays(List<HolidayView> holidays) {
        if (holidays == null) {
            throw ProblemException.badRequest("A JSON array of holidays is required.");
        }
        return holidayService.putHolidays(callers.current(), holidays);
    }
}
