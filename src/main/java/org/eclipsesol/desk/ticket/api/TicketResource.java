package org.eclipsesol.desk.ticket.api;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipsesol.desk.catalog.Priority;
import org.eclipsesol.desk.catalog.ServiceLine;
import org.eclipsesol.desk.catalog.TicketStatus;
import org.eclipsesol.desk.common.Enums;
import org.eclipsesol.desk.common.Ids;
import org.eclipsesol.desk.common.Page;
import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.common.ProblemType;
import org.eclipsesol.desk.common.QueryParams;
import org.eclipsesol.desk.common.RetryReads;
import org.eclipsesol.desk.security.CallerResolver;
import org.eclipsesol.desk.sla.engine.TargetStatus;
import org.eclipsesol.desk.ticket.app.AttachmentContent;
import org.eclipsesol.desk.ticket.app.AttachmentService;
import org.eclipsesol.desk.ticket.app.AttachmentView;
import org.eclipsesol.desk.ticket.app.CommentInput;
import org.eclipsesol.desk.ticket.app.CommentService;
import org.eclipsesol.desk.ticket.app.CommentView;
import org.eclipsesol.desk.ticket.app.EventView;
import org.eclipsesol.desk.ticket.app.TicketAccess;
import org.eclipsesol.desk.ticket.app.TicketCreation;
import org.eclipsesol.desk.ticket.app.TicketFilter;
import org.eclipsesol.desk.ticket.app.TicketInput;
import org.eclipsesol.desk.ticket.app.TicketPatch;
import org.eclipsesol.desk.ticket.app.TicketQueries;
import org.eclipsesol.desk.ticket.app.TicketSort;
import org.eclipsesol.desk.ticket.app.TicketUpdates;
import org.eclipsesol.desk.ticket.app.TicketView;
import org.eclipsesol.desk.ticket.app.TimeEntryInput;
import org.eclipsesol.desk.ticket.app.TimeEntryService;
import org.eclipsesol.desk.ticket.app.TimeEntryView;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.security.Authenticated;

/** Tickets over REST: a thin adapter over the ticket services, which hold every rule. */
@RetryReads
@Path("/api/v1/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "oidc")
@Tag(name = "Tickets")
public class TicketResource {

    @Inject
    TicketCreation creation;

    @Inject
    TicketQueries tickets;

    @Inject
    TicketUpdates updates;

    @Inject
    CommentService comments;

    @Inject
    AttachmentService attachments;

    @Inject
    TimeEntryService timeEntries;

    @Inject
    CallerResolver callers;

    @POST
    @Operation(summary = "Open a ticket", description = "Honours Idempotency-Key: a repeat returns the first ticket (200, Idempotent-Replayed: true).")
    public Response create(@HeaderParam("Idempotency-Key") String idempotencyKey, TicketInput input) {
        if (input == null) {
            throw ProblemException.badRequest("A ticket body is required.");
        }
        TicketCreation.Created created = creation.create(callers.current(), input, idempotencyKey);
        TicketView ticket = created.ticket();
        URI location = URI.create("/api/v1/tickets/" + ticket.id());
        Response.ResponseBuilder response = created.replayed()
                ? Response.ok(ticket).header("Idempotent-Replayed", "true").location(location)
                : Response.created(location).entity(ticket);
        return response.tag(ETags.of(ticket.version())).build();
    }

    @GET
    @Operation(summary = "List tickets", description = "Cursor-paged; filters combine with AND. A client sees only their organization's tickets.")
    public Page<TicketView> list(@QueryParam("status") String status, @QueryParam("priority") String priority,
            @QueryParam("service") String service, @QueryParam("organizationId") String organizationId,
            @QueryParam("assigneeId") String assigneeId, @QueryParam("slaStatus") String slaStatus,
            @QueryParam("escalated") String escalated, @QueryParam("q") String q,
            @Parameter(description = "NEWEST (default), OLDEST, DUE (earliest SLA due first) or UPDATED (oldest change first, for sync)") @QueryParam("sort") String sort,
            @Parameter(description = "Only tickets changed at or after this ISO-8601 instant (incremental sync, with sort=UPDATED)") @QueryParam("updatedSince") String updatedSince,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        TicketFilter filter = TicketFilter.of(Enums.parse(TicketStatus.class, status, "status"),
                Enums.parse(Priority.class, priority, "priority"), Enums.parse(ServiceLine.class, service, "service"),
                organizationId, "organizationId", assigneeId, Enums.parse(TargetStatus.class, slaStatus, "slaStatus"),
                QueryParams.bool(escalated, "escalated"), q, Enums.parse(TicketSort.class, sort, "sort"),
                QueryParams.instant(updatedSince, "updatedSince"), "updatedSince");
        return tickets.list(callers.current(), filter, QueryParams.integer(limit, "limit"), QueryParams.text(cursor));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a ticket", description = "Sends the version as ETag, for If-Match on PATCH.")
    public Response get(@PathParam("id") String id) {
        TicketView ticket = tickets.get(callers.current(), TicketAccess.parseId(id));
        return Response.ok(ticket).tag(ETags.of(ticket.version())).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({ MediaType.APPLICATION_JSON, "application/merge-patch+json" })
    @Operation(summary = "Change a ticket", description = "status, priority (+reason), assigneeId, service, category, exclusion (+exclusionNote). If-Match: a stale version answers 412.")
    public Response patch(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, TicketPatch patch) {
        if (patch == null) {
            throw ProblemException.badRequest("A JSON object with the fields to change is required.");
        }
        TicketView ticket = updates.patch(callers.current(), TicketAccess.parseId(id), patch, ETags.expectedVersion(ifMatch));
        return Response.ok(ticket).tag(ETags.of(ticket.version())).build();
    }

    @GET
    @Path("{id}/comments")
    @Operation(summary = "List comments", description = "Clients never see internal notes.")
    public Page<CommentView> comments(@PathParam("id") String id, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return comments.comments(callers.current(), TicketAccess.parseId(id), QueryParams.integer(limit, "limit"),
                QueryParams.text(cursor));
    }

    @POST
    @Path("{id}/comments")
    @Operation(summary = "Comment", description = "internal=true (staff only) writes a note clients never see. A client comment on a WAITING_ON_CLIENT ticket moves it to IN_PROGRESS.")
    public Response comment(@PathParam("id") String id, CommentInput input) {
        if (input == null) {
            throw ProblemException.badRequest("A comment body is required.");
        }
        CommentView comment = comments.add(callers.current(), TicketAccess.parseId(id), input);
        return Response.status(Response.Status.CREATED).entity(comment).build();
    }

    @GET
    @Path("{id}/events")
    @Operation(summary = "The ticket's history", description = "Who, when, what, before and after. Clients see no internal events.")
    public Page<EventView> events(@PathParam("id") String id, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        return comments.events(callers.current(), TicketAccess.parseId(id), QueryParams.integer(limit, "limit"),
                QueryParams.text(cursor));
    }

    @GET
    @Path("{id}/attachments")
    @Operation(summary = "List attachments (metadata)")
    public List<AttachmentView> attachments(@PathParam("id") String id) {
        return attachments.list(callers.current(), TicketAccess.parseId(id));
    }

    @POST
    @Path("{id}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Attach a file", description = "Multipart part 'file'; at most 10 MiB; png, jpeg, gif, webp, pdf, txt, csv, json, zip.")
    public Response attach(@PathParam("id") String id, @RestForm("file") FileUpload file) throws IOException {
        if (file == null) {
            throw ProblemException.invalid("file", "a multipart part named 'file' is required");
        }
        if (file.size() > AttachmentService.MAX_BYTES) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                    "An attachment may be at most 10 MiB.");
        }
        byte[] data = Files.readAllBytes(file.uploadedFile());
        AttachmentView view = attachments.upload(callers.current(), TicketAccess.parseId(id), file.fileName(),
                file.contentType(),
                data);
        return Response.created(URI.create(view.downloadUrl())).entity(view).build();
    }

    @GET
    @Path("{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download an attachment", description = "Always as a download (Content-Disposition: attachment).")
    public Response download(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId) {
        AttachmentContent content = attachments.download(callers.current(), TicketAccess.parseId(id),
                Ids.parse(attachmentId, "Attachment"));
        String encoded = URLEncoder.encode(content.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        String ascii = content.fileName().replaceAll("[^\\x20-\\x7E]", "_");
        return Response.ok(content.data(), content.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .build();
    }

    @GET
    @Path("{id}/time-entries")
    @Operation(summary = "List time entries (staff)")
    public List<TimeEntryView> timeEntries(@PathParam("id") String id) {
        return timeEntries.list(callers.current(), TicketAccess.parseId(id));
    }

    @POST
    @Path("{id}/time-entries")
    @Operation(summary = "Log time (staff)", description = "Minutes outside business hours are afterHoursMinutes and billable.")
    public Response logTime(@PathParam("id") String id, TimeEntryInput input) {
        if (input == null) {
            throw ProblemException.badRequest("A time entry body is required.");
        }
        TimeEntryView entry = timeEntries.log(callers.current(), TicketAccess.parseId(id), input);
        return Response.status(Response.Status.CREATED).entity(entry).build();
    }
}
