package org.eclipsesol.desk.customer.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

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
import org.eclipsesol.desk.common.Page;
import org.eclipsesol.desk.common.QueryParams;
import org.eclipsesol.desk.common.RetryReads;
import org.eclipsesol.desk.customer.app.AgreementInput;
import org.eclipsesol.desk.customer.app.MemberInput;
import org.eclipsesol.desk.customer.app.MemberView;
import org.eclipsesol.desk.customer.app.OrganizationInput;
import org.eclipsesol.desk.customer.app.OrganizationService;
import org.eclipsesol.desk.customer.app.OrganizationView;
import org.eclipsesol.desk.security.CallerResolver;

import io.quarkus.security.Authenticated;

@RetryReads
@Path("/api/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "oidc")
@Tag(name = "Organizations")
public class OrganizationResource {

    @Inject
    OrganizationService organizations;

    @Inject
    CallerResolver callers;

    @GET
    @Operation(summary = "List organizations", description = "Staff see all; a client sees only their own.")
    public Page<OrganizationView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return organizations.list(callers.current(), QueryParams.integer(limit, "limit"), QueryParams.text(cursor));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get an organization")
    public OrganizationView get(@PathParam("id") UUID id) {
        return organizations.get(callers.current(), id);
    }

    @POST
    @Operation(summary = "Create an organization (supervisor)")
    public Response create(OrganizationInput input) {
        OrganizationView created = organizations.create(callers.current(), input);
        return Response.created(URI.create("/api/v1/organizations/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("{id}/agreement")
    @Operation(summary = "Replace an organization's agreement (supervisor)")
    public OrganizationView putAgreement(@PathParam("id") UUID id, AgreementInput input) {
        return organizations.putAgreement(callers.current(), id, input);
    }

    @GET
    @Path("{id}/members")
    @Operation(summary = "List an organization's explicit members (staff)")
    public List<MemberView> members(@PathParam("id") UUID id) {
        return organizations.members(callers.current(), id);
    }

    @POST
    @Path("{id}/members")
    @Operation(summary = "Add a member by e-mail (supervisor)")
    public Response addMember(@PathParam("id") UUID id, MemberInput input) {
        MemberView member = organizations.addMember(callers.current(), id, input);
        return Response.status(Response.Status.CREATED).entity(member).build();
    }
}
