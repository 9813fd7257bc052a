package org.eclipsesol.desk.ticket.app;

import java.time.Instant;

/** The ticket's current (latest not closed) escalation as shown on the ticket: level, reason, who, when. */
public record EscalationSummary(int level, String reason, String source, String raisedBy, Instant raisedAt, String status) {
}
