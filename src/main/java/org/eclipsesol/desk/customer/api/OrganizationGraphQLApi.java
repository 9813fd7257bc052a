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
    @Description("A page of organizations, by name.")
    public record OrganizationConnection(@NonNull List<@NonNull OrganizationView> nodes, @NonNull PageInfo pageInfo) {
    }

    @Inject
    OrganizationService organizations;

    @Inject
    CallerResolver callers;

    @Query("organizations")
    @Description("Organizations by name: staff see all, a client only their own. first: default 20, at most 100.")
    public @NonNull OrganizationConnection organizations(@Name("first") Integer first, @Name("after") String after) {
        Page<OrganizationView> page = organizations.list(callers.current(), GraphQLPaging.first(first),
                GraphQLPaging.after(after));
        return new OrganizationConnection(page.items(), new PageInfo(page.nextCursor() != null, page.nextCursor()));
    }

    @Query("organization")
    @Description("An organization by id; one the caller may not see answers NOT_FOUND.")
    public OrganizationView organization(@Name("id") @NonNull @Id String id) {
        return organizations.get(callers.current(), Ids.parse(id, "Organization"));
    }

    @Mutation("createOrganization")
    @Description("Create an organization (supervisor).")
    public @NonNull OrganizationView createOrganization(@Name("input") @NonNull OrganizationInput input) {
        return organizations.create(callers.current(), input);
    }

    @Mutation("setAgreement")
    @Description("Replace an organization's agreement (supervisor).")
    public @NonNull OrganizationView setAgreement(@Name("organizationId") @NonNull @Id String organizationId,
            @Name("input") @NonNull AgreementInput input) {
        return organizations.putAgreement(callers.current(), Ids.parse(organizationId, "Organization"), input);
    }

    @Mutation("addMember")
    @Description("Add a member by e-mail (supervisor); an explicit membership wins over the e-mail domain.")
    public @NonNull MemberView addMember(@Name("organizationId") @NonNull @Id String organizationId,
            @Name("input") @NonNull MemberInput input) {
        return organizations.addMember(callers.current(), Ids.parse(organizationId, "Organization"), input);
    }
}
