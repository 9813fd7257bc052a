package org.eclipsesol.desk.escalation.app;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;

/** An escalation: level, reason, who and when; acknowledged and closed by a supervisor. */
@Type("Escalation")
@Description("An escalation: level, reason, who and when; acknowledged and closed by a supervisor. status is OPEN, ACKNOWLEDGED or CLOSED.")
public record EscalationView(UUID id, UUID ticketId, int level, String reason, String source, String raisedBy,
        String raisedByName, Instant raisedAt, String status, String acknowledgedBy, Instant acknowledgedAt, String closedBy,
        Instant closedAt) {
}
