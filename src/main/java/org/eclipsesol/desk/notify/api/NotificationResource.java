package org.eclipsesol.desk.notify.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipsesol.desk.common.Ids;
import org.eclipsesol.desk.common.Page;
import org.eclipsesol.desk.common.QueryParams;
import org.eclipsesol.desk.notify.app.NotificationService;
import org.eclipsesol.desk.notify.app.NotificationView;
import org.eclipsesol.desk.security.CallerResolver;

import io.quarkus.security.Authenticated;

/** The outbox for supervisors. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "oidc")
@Tag(name = "Notifications")
public class NotificationResource {

    @Inject
    NotificationService notifications;

    @Inject
    CallerResolver callers;

    @GET
    @Operation(summary = "Notifications and their delivery state, newest first (supervisor)")
    public Page<NotificationView> list(@QueryParam("status") String status, @QueryParam("channel") String channel,
            @QueryParam("ticketId") String ticketId, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return notifications.list(callers.current(), QueryParams.text(status), QueryParams.text(channel),
                QueryParams.uuid(ticketId, "ticketId"), null, QueryParams.integer(limit, "limit"), QueryParams.text(cursor));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One notification (supervisor)")
    public NotificationView get(@PathParam("id") String id) {
        return notifications.get(callers.current(), Ids.parse(id, "Notification"));
    }

    @POST
    @Path("{id}/retry")
    @Operation(summary = "Retry a FAILED notification now (supervisor)")
    public NotificationView retry(@PathParam("id") String id) {
        return notifications.retry(callers.current(), Ids.parse(id, "Notification"));
    }
}
