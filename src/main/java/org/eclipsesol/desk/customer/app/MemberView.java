package org.eclipsesol.desk.customer.app;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** A membership as the API shows it. */
@Type("Member")
@Description("An explicit member of an organization (by e-mail).")
public record MemberView(@NonNull @Description("The member's e-mail address.") String email,
        @NonNull @Id @Description("The organization they belong to.") UUID organizationId,
        @NonNull @Description("When they were added.") Instant createdAt) {
}
