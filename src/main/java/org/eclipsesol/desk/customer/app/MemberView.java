package org.eclipsesol.desk.customer.app;

import java.time.Instant;
import java.util.UUID;

/** A membership as the API shows it. */
public record MemberView(String email, UUID organizationId, Instant createdAt) {
}
