package org.eclipsesol.desk.sla.app;

import org.eclipsesol.desk.catalog.Priority;
import org.eclipsesol.desk.customer.data.OrganizationEntity;
import org.eclipsesol.desk.sla.engine.TicketClockHistory;

/**
 * What the SLA feature needs to know of a ticket: the policy version it is pinned to, its priority, its
 * organization (for the agreement), a supervisor's override, and its clock history. The ticket feature builds it.
 */
public record SlaSubject(int policyVersion, Priority priority, OrganizationEntity organization, Long responseOverrideSeconds,
        Long resolutionOverrideSeconds, String overrideReason, TicketClockHistory history) {
}
