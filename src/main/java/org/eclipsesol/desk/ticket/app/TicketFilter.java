package org.eclipsesol.desk.ticket.app;

import java.time.Instant;
import java.util.UUID;

import org.eclipsesol.desk.catalog.Priority;
import org.eclipsesol.desk.catalog.ServiceLine;
import org.eclipsesol.desk.catalog.TicketStatus;
import org.eclipsesol.desk.common.Instants;
import org.eclipsesol.desk.common.QueryParams;
import org.eclipsesol.desk.sla.engine.TargetStatus;

/**
 * List filters; null means "any". {@code slaStatus} is matched against either target; {@code updatedSince} keeps the
 * tickets changed at or after that instant (incremental sync, with {@link TicketSort#UPDATED}).
 */
public record TicketFilter(TicketStatus status, Priority priority, ServiceLine service, UUID organizationId,
        String assigneeId, TargetStatus slaStatus, Boolean escalated, String q, TicketSort sort, Instant updatedSince) {

    /** No filter: every ticket the caller may see, newest first. */
    public static final TicketFilter NONE = new TicketFilter(null, null, null, null, null, null, null, null, null, null);

    /**
     * The filter as REST and GraphQL both build it from what the caller sent: the organization id is parsed (an
     * invalid one is reported under {@code organizationField}), blank texts mean "any", {@code updatedSince} outside
     * 2000-2100 is a violation of {@code updatedSinceField}.
     */
    public static TicketFilter of(TicketStatus status, Priority priority, ServiceLine service, String organizationId,
            String organizationField, String assigneeId, TargetStatus slaStatus, Boolean escalated, String q,
            TicketSort sort, Instant updatedSince, String updatedSinceField) {
        return new TicketFilter(status, priority, service, QueryParams.uuid(organizationId, organizationField),
                QueryParams.text(assigneeId), slaStatus, escalated, q, sort,
                Instants.inRange(updatedSinceField, updatedSince));
    }
}
