package org.eclipsesol.desk.security;

import java.util.UUID;

/** An organization as other resources refer to it. */
public record OrganizationRef(UUID id, String name) {
}
