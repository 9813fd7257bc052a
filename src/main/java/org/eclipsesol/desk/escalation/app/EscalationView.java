package org.eclipsesol.desk.escalation.app;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Type;
import org.eclipsesol.desk.catalog.EscalationSource;
import org.eclipsesol.desk.catalog.EscalationStatus;

/** An escalation: level, reason, who and when; acknowledged and closed by a supervisor. */
@Type("Escalation")
@Description("An escalation: level, reason, who and when; acknowledged and closed by a supervisor. status is OPEN, ACKNOWLEDGED or CLOSED.")
public record EscalationView(UUID id, UUID ticketId, int level, String reason, EscalationSource source, String raisedBy,
        String raisedByName, Instant raisedAt, EscalationStatus status, String acknowledgedBy, Instant acknowledgedAt,
        String closedBy,
        Instant closedAt) {
}
