package org.eclipsesol.desk.customer.api;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;
import org.eclipsesol.desk.common.Ids;
import org.eclipsesol.desk.common.Page;
import org.eclipsesol.desk.common.api.GraphQLErrors;
import org.eclipsesol.desk.common.api.GraphQLPaging;
import org.eclipsesol.desk.common.api.PageInfo;
import org.eclipsesol.desk.customer.app.AgreementInput;
import org.eclipsesol.desk.customer.app.MemberInput;
import org.eclipsesol.desk.customer.app.MemberView;
import org.eclipsesol.desk.customer.app.OrganizationInput;
import org.eclipsesol.desk.customer.app.OrganizationService;
import org.eclipsesol.desk.customer.app.OrganizationView;
import org.eclipsesol.desk.security.CallerResolver;

/** Organizations, agreements and members over GraphQL. Supervisors manage them; a client sees only their own. */
@GraphQLApi
@GraphQLErrors
public class OrganizationGraphQLApi {

    @Type("OrganizationConnection")
    @Description("A page of organizations, by name (Relay connection).")
    public record OrganizationConnection(
            @NonNull @Description("The organizations of this page with their cursors, by name.") List<@NonNull OrganizationEdge> edges,
            @NonNull @Description("The organizations of this page, by name (the edges' nodes, without cursors).") List<@NonNull OrganizationView> nodes,
            @NonNull @Description("Where this page starts and ends.") PageInfo pageInfo) {
    }

    @Type("OrganizationEdge")
    @Description("An organization and the cursor that resumes after it.")
    public record OrganizationEdge(
            @NonNull @Description("Pass as `after` to read the organizations after this one.") String cursor,
            @NonNull @Description("The organization.") OrganizationView node) {
    }

    @Inject
    OrganizationService organizations;

    @Inject
    CallerResolver callers;

    @Query("organizations")
    @Description("Organizations by name: staff see all, a client only their own. first: default 20, at most 100.")
    public @NonNull OrganizationConnection organizations(
            @Name("first") @Description("How many organizations: default 20, at most 100.") Integer first,
            @Name("after") @Description("Start after this cursor (an edge's cursor or pageInfo.endCursor); null for the first page.") String after) {
        String cursor = GraphQLPaging.after(after);
        Page<OrganizationView> page = organizations.list(callers.current(), GraphQLPaging.first(first), cursor);
        List<OrganizationEdge> edges = page.items().stream()
                .map(o -> new OrganizationEdge(OrganizationService.cursorOf(o), o)).toList();
        return new OrganizationConnection(edges, page.items(),
                PageInfo.of(edges.stream().map(OrganizationEdge::cursor).toList(), page.nextCursor() != null, cursor));
    }

    @Query("organization")
    @Description("An organization by id; one the caller may not see answers NOT_FOUND.")
    public OrganizationView organization(@Name("id") @NonNull @Id @Description("The organization's id.") String id) {
        return organizations.get(callers.current(), Ids.parse(id, "Organization"));
    }

    @Mutation("createOrganization")
    @Description("Create an organization (supervisor).")
    public @NonNull OrganizationView createOrganization(
            @Name("input") @NonNull @Description("The new organization.") OrganizationInput input) {
        return organizations.create(callers.current(), input);
    }

    @Mutation("setAgreement")
    @Description("Replace an organization's agreement (supervisor).")
    public @NonNull OrganizationView setAgreement(
            @Name("organizationId") @NonNull @Id @Description("The organization's id.") String organizationId,
            @Name("input") @NonNull @Description("The agreement that replaces the current one.") AgreementInput input) {
        return organizations.putAgreement(callers.current(), Ids.parse(organizationId, "Organization"), input);
    }

    @Mutation("addMember")
    @Description("Add a member by e-mail (supervisor); an explicit membership wins over the e-mail domain.")
    public @NonNull MemberView addMember(
            @Name("organizationId") @NonNull @Id @Description("The organization's id.") String organizationId,
            @Name("input") @NonNull @Description("The member to add.") MemberInput input) {
        return organizations.addMember(callers.current(), Ids.parse(organizationId, "Organization"), input);
    }
}
