package org.eclipsesol.desk.escalation.app;

import java.util.UUID;

import org.eclipsesol.desk.catalog.EscalationSource;

/** A CDI event: a ticket was escalated (supervisors are notified after commit). */
public record EscalationRaised(UUID escalationId, UUID ticketId, String ticketNumber, int level, String reason,
        EscalationSource source) {
}
