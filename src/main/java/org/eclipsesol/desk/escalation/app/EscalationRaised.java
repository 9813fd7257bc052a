package org.eclipsesol.desk.escalation.app;

import java.util.UUID;

/** A CDI event: a ticket was escalated (supervisors are notified after commit). */
public record EscalationRaised(UUID escalationId, UUID ticketId, String ticketNumber, int level, String reason,
        String source) {
}
