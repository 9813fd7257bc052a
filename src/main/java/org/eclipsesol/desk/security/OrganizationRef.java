package org.eclipsesol.desk.security;

import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

/** An organization as other resources refer to it. */
@Type("OrganizationRef")
@Description("An organization as other objects refer to it.")
public record OrganizationRef(UUID id, String name) {
}
