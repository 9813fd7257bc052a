package org.eclipsesol.desk.escalation.app;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipsesol.desk.catalog.EscalationSource;
import org.eclipsesol.desk.catalog.EscalationStatus;

/** An escalation: level, reason, who and when; acknowledged and closed by a supervisor. */
@Type("Escalation")
@Description("An escalation: level, reason, who and when; acknowledged and closed by a supervisor. status is OPEN, ACKNOWLEDGED or CLOSED.")
public record EscalationView(@NonNull @Id @Description("The escalation's id.") UUID id,
        @NonNull @Id @Description("The escalated ticket.") UUID ticketId,
        @NonNull @Description("1 for the first escalation of the ticket, 2 for the next, and so on.") int level,
        @NonNull @Description("Why the ticket was escalated.") String reason,
        @NonNull @Description("Who or what raised it.") EscalationSource source,
        @Id @Description("Who raised it (token subject); null when the system raised it (SLA_BREACH).") String raisedBy,
        @Description("The name of who raised it, when known.") String raisedByName,
        @NonNull @Description("When it was raised.") Instant raisedAt,
        @NonNull @Description("OPEN, ACKNOWLEDGED or CLOSED.") EscalationStatus status,
        @Id @Description("The supervisor who acknowledged it; null until then.") String acknowledgedBy,
        @Description("When it was acknowledged; null until then.") Instant acknowledgedAt,
        @Id @Description("The supervisor who closed it; null until then.") String closedBy,
        @Description("When it was closed; null until then.") Instant closedAt) {
}
