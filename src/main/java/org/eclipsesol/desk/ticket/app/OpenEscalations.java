package org.eclipsesol.desk.ticket.app;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The latest escalation that is not closed, per ticket, as a ticket view shows it. Owned here and implemented by
 * the escalation feature, which sits above tickets in the dependency order.
 */
public interface OpenEscalations {

    /** For each of the given tickets that has one, its latest escalation that is not closed (one statement). */
    Map<UUID, EscalationSummary> of(List<UUID> ticketIds);
}
