package org.eclipsesol.desk.ticket.app;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipsesol.desk.catalog.Category;
import org.eclipsesol.desk.catalog.Channel;
import org.eclipsesol.desk.catalog.Exclusion;
import org.eclipsesol.desk.catalog.Priority;
import org.eclipsesol.desk.catalog.ServiceLine;
import org.eclipsesol.desk.catalog.TicketStatus;
import org.eclipsesol.desk.security.OrganizationRef;
import org.eclipsesol.desk.sla.app.SlaView;

/** A ticket as the API shows it. {@code exclusionNote} is shown to staff only. */
@Schema(description = "A support ticket with its live SLA.")
@Type("Ticket")
@Description("A support ticket with its live SLA. exclusionNote is shown to staff only.")
public record TicketView(
        UUID id,
        @Schema(examples = "T-10042") String number,
        String title,
        String description,
        String errorMessage,
        String stepsToReproduce,
        Priority priority,
        ServiceLine service,
        Category category,
        Channel channel,
        TicketStatus status,
        OrganizationRef organization,
        PersonView requester,
        PersonView assignee,
        Instant openedAt,
        Instant createdAt,
        Instant updatedAt,
        Instant firstResponseAt,
        Instant resolvedAt,
        Instant closedAt,
        boolean escalated,
        @Schema(description = "The latest escalation that is not closed; null when not escalated.") EscalationSummary escalation,
        Exclusion exclusion,
        @Description("Why the ticket is excluded from the SLA; staff only (null for clients).") String exclusionNote,
        boolean outOfScope,
        boolean billable,
        @Ignore SlaView sla,
        @Schema(description = "Optimistic-concurrency version; also sent as the ETag.") @Description("Optimistic-concurrency version: pass it as updateTicket's expectedVersion (REST: ETag/If-Match).") int version,
        @Schema(description = "The client's rating once given: staff see it, a client only the rating they gave themselves; null otherwise.") @Description("The client's rating once given: staff see it, a client only the rating they gave themselves; null otherwise.") SatisfactionView satisfaction) {
}
