package org.eclipsesol.desk.ticket.app;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
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
        @NonNull @Id @Description("The ticket's id (a UUID).") UUID id,
        @Schema(examples = "T-10042") @NonNull @Description("The human ticket number, e.g. T-10042.") String number,
        @NonNull @Description("A one-line summary.") String title,
        @NonNull @Description("What the requester describes.") String description,
        @Description("An error message the requester saw, if any.") String errorMessage,
        @Description("How to reproduce the problem, if given.") String stepsToReproduce,
        @NonNull @Description("The priority; it selects the SLA targets and clock.") Priority priority,
        @NonNull @Description("The service the ticket is about.") ServiceLine service,
        @NonNull @Description("What kind of help is asked for.") Category category,
        @NonNull @Description("How the ticket reached us.") Channel channel,
        @NonNull @Description("Where the ticket is in its lifecycle.") TicketStatus status,
        @NonNull @Description("The client organization the ticket belongs to.") OrganizationRef organization,
        @NonNull @Description("Who asked for help (id null for a requester known only by e-mail).") PersonView requester,
        @Description("The staff member working on it; null while unassigned.") PersonView assignee,
        @NonNull @Description("When the client reached us; the SLA clocks start here.") Instant openedAt,
        @NonNull @Description("When the ticket was recorded.") Instant createdAt,
        @NonNull @Description("When the ticket or something on it last changed.") Instant updatedAt,
        @Description("When staff first responded visibly to the client; null until then.") Instant firstResponseAt,
        @Description("When the ticket was resolved; null while it is not.") Instant resolvedAt,
        @Description("When the ticket was closed; null while not closed.") Instant closedAt,
        @NonNull @Description("Whether an escalation is open.") boolean escalated,
        @Schema(description = "The latest escalation that is not closed; null when not escalated.") @Description("The latest escalation that is not closed; null when not escalated.") EscalationSummary escalation,
        @Description("Why the ticket falls outside the standard policy; null when it does not.") Exclusion exclusion,
        @Description("Why the ticket is excluded from the SLA; staff only (null for clients).") String exclusionNote,
        @NonNull @Description("Whether the ticket's service is not covered by the organization's agreement.") boolean outOfScope,
        @NonNull @Description("Whether the work is billed: out of scope or excluded.") boolean billable,
        @Ignore SlaView sla,
        @Schema(description = "Optimistic-concurrency version; also sent as the ETag.") @NonNull @Description("Optimistic-concurrency version: pass it as updateTicket's expectedVersion (REST: ETag/If-Match).") int version,
        @Schema(description = "The client's rating once given: staff see it, a client only the rating they gave themselves; null otherwise.") @Description("The client's rating once given: staff see it, a client only the rating they gave themselves; null otherwise.") SatisfactionView satisfaction) {
}
