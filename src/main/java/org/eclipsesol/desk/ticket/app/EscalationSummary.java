package org.eclipsesol.desk.ticket.app;

import java.time.Instant;

import org.eclipsesol.desk.catalog.EscalationSource;
import org.eclipsesol.desk.catalog.EscalationStatus;

/** The ticket's current (latest not closed) escalation as shown on the ticket: level, reason, who, when. */
public record EscalationSummary(int level, String reason, EscalationSource source, String raisedBy, Instant raisedAt,
        EscalationStatus status) {
}
