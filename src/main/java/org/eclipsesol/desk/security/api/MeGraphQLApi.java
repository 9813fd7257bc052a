package org.eclipsesol.desk.security.api;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;
import org.eclipsesol.desk.common.api.GraphQLErrors;
import org.eclipsesol.desk.security.Caller;
import org.eclipsesol.desk.security.CallerResolver;
import org.eclipsesol.desk.security.OrganizationRef;
import org.eclipsesol.desk.security.Role;

/** {@code me}: the caller as Support Desk sees them (GET /api/v1/me). */
@GraphQLApi
@GraphQLErrors
public class MeGraphQLApi {

    @Type("Me")
    @Description("The caller: token subject, name, e-mail, roles and (for clients) the resolved organization.")
    public record Me(
            @NonNull @Id @Description("The token's subject: the caller's id (as assigneeId, raisedBy, ...).") String subject,
            @Description("The caller's name from the token, when it has one.") String name,
            @Description("The caller's e-mail from the token, when it has one.") String email,
            @NonNull @Description("Realm roles Support Desk understands: client, technician, supervisor, mail-gateway.") List<@NonNull String> roles,
            @Description("The client's organization (explicit membership first, then e-mail domain); null for staff or an unlinked client.") OrganizationRef organization) {
    }

    @Inject
    CallerResolver callers;

    @Query("me")
    @Description("Who am I. Any authenticated caller may ask, even one with no organization.")
    public Me me() {
        Caller caller = callers.current();
        return new Me(caller.id(), caller.name(), caller.email(), caller.roles().stream().map(Role::claimValue).toList(),
                caller.organization());
    }
}
