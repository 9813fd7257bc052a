package org.eclipsesol.desk.security;

import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** An organization as other resources refer to it. */
@Type("OrganizationRef")
@Description("An organization as other objects refer to it.")
public record OrganizationRef(@NonNull @Id @Description("The organization's id.") UUID id,
        @NonNull @Description("Its name.") String name) {
}
