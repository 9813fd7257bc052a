package org.eclipsesol.desk.ticket.app;

import java.util.UUID;

import org.eclipsesol.desk.catalog.Priority;
import org.eclipsesol.desk.catalog.ServiceLine;
import org.eclipsesol.desk.catalog.TicketStatus;

/** List filters; null means "any". {@code slaStatus} is a TargetStatus name matched against either target. */
public record TicketFilter(TicketStatus status, Priority priority, ServiceLine service, UUID organizationId,
        String assigneeId, String slaStatus, Boolean escalated, String q, TicketSort sort) {
}
