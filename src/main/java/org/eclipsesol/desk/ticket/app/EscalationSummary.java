package org.eclipsesol.desk.ticket.app;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipsesol.desk.catalog.EscalationSource;
import org.eclipsesol.desk.catalog.EscalationStatus;

/** The ticket's current (latest not closed) escalation as shown on the ticket: level, reason, who, when. */
@Description("The ticket's current escalation (the latest one not closed): level, reason, who and when.")
public record EscalationSummary(
        @NonNull @Description("1 for the first escalation of the ticket, 2 for the next, and so on.") int level,
        @NonNull @Description("Why the ticket was escalated.") String reason,
        @NonNull @Description("Who or what raised it.") EscalationSource source,
        @Description("The name of who raised it, when known.") String raisedBy,
        @NonNull @Description("When it was raised.") Instant raisedAt,
        @NonNull @Description("OPEN or ACKNOWLEDGED.") EscalationStatus status) {
}
