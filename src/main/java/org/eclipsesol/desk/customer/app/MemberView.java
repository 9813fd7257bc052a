package org.eclipsesol.desk.customer.app;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

/** A membership as the API shows it. */
@Type("Member")
@Description("An explicit member of an organization (by e-mail).")
public record MemberView(String email, UUID organizationId, Instant createdAt) {
}
