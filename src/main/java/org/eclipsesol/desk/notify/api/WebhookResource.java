package org.eclipsesol.desk.notify.api;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipsesol.desk.notify.app.NotificationView;
import org.eclipsesol.desk.notify.app.WebhookInput;
import org.eclipsesol.desk.notify.app.WebhookService;
import org.eclipsesol.desk.notify.app.WebhookView;
import org.eclipsesol.desk.security.CallerResolver;
import org.jboss.resteasy.reactive.ResponseStatus;

import io.quarkus.security.Authenticated;

/** Webhook endpoints (supervisors). */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "oidc")
@Tag(name = "Webhooks")
public class WebhookResource {

    @Inject
    WebhookService webhooks;

    @Inject
    CallerResolver callers;

    @POST
    @ResponseStatus(201)
    @Operation(summary = "Register an endpoint (supervisor); the answer shows the secret, once")
    public WebhookView register(WebhookInput input) {
        return webhooks.register(callers.current(), input);
    }

    @GET
    @Operation(summary = "Registered endpoints (supervisor)")
    public List<WebhookView> list() {
        return webhooks.list(callers.current());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One endpoint (supervisor)")
    public WebhookView get(@PathParam("id") String id) {
        return webhooks.get(callers.current(), Ids.parse(id, "Webhook"));
    }

    @DELETE
    @Path("{id}")
    @ResponseStatus(204)
    @Operation(summary = "Delete an endpoint (supervisor); its pending deliveries fail")
    public void delete(@PathParam("id") String id) {
        webhooks.delete(callers.current(), Ids.parse(id, "Webhook"));
    }

    @POST
    @Path("{id}/rotate-secret")
    @Operation(summary = "Replace the secret (supervisor); the answer shows the new one, once")
    public WebhookView rotate(@PathParam("id") String id) {
        return webhooks.rotateSecret(callers.current(), Ids.parse(id, "Webhook"));
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "The endpoint's deliveries, newest first (supervisor)")
    public Page<NotificationView> deliveries(@PathParam("id") String id, @QueryParam("status") String status,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return webhooks.deliveries(callers.current(), Ids.parse(id, "Webhook"), QueryParams.text(status),
                QueryParams.integer(limit, "limit"), QueryParams.text(cursor));
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/redeliver")
    @ResponseStatus(202)
    @Operation(summary = "Deliver an event again, same webhook-id and body (supervisor)")
    public NotificationView redeliver(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        return webhooks.redeliver(callers.current(), Ids.parse(id, "Webhook"), Ids.parse(deliveryId, "Delivery"));
    }
}
