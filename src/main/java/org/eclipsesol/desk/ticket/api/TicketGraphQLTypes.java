package org.eclipsesol.desk.ticket.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.eclipsesol.desk.catalog.Category;
import org.eclipsesol.desk.catalog.Exclusion;
import org.eclipsesol.desk.catalog.Priority;
import org.eclipsesol.desk.catalog.ServiceLine;
import org.eclipsesol.desk.catalog.TicketStatus;
import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.common.api.PageInfo;
import org.eclipsesol.desk.sla.engine.TargetStatus;
import org.eclipsesol.desk.ticket.app.TicketFilter;
import org.eclipsesol.desk.ticket.app.TicketPatch;
import org.eclipsesol.desk.ticket.app.TicketSort;
import org.eclipsesol.desk.ticket.app.TicketView;

/** The GraphQL-only shapes of the ticket API: the connection, its filter, the update input and payloads. */
public final class TicketGraphQLTypes {

    private TicketGraphQLTypes() {
    }

    @Type("TicketConnection")
    @Description("A page of tickets (Relay connection). totalCount costs one count statement; ask for it only when needed.")
    public record TicketConnection(
            @NonNull @Description("The tickets of this page with their cursors, in the filter's sort order.") List<@NonNull TicketEdge> edges,
            @NonNull @Description("Where this page starts and ends.") PageInfo pageInfo,
            @Ignore TicketFilter filter) {
    }

    @Type("TicketEdge")
    @Description("A ticket and the cursor that resumes after it.")
    public record TicketEdge(
            @NonNull @Description("Pass as `after` (with the same filter) to read the tickets after this one.") String cursor,
            @NonNull @Description("The ticket.") TicketView node) {
    }

    @Input("TicketFilter")
    @Description("List filters; they combine with AND and null means any. A client only ever sees their organization's tickets.")
    public record TicketFilterInput(@Description("Only tickets with this status.") TicketStatus status,
            @Description("Only tickets of this priority.") Priority priority,
            @Description("Only tickets about this service.") ServiceLine service,
            @Id @Description("Only this organization's tickets (staff; a client's own organization is implied).") String organizationId,
            @Id @Description("Only tickets assigned to this staff member (their id, the token subject).") String assigneeId,
            @Description("Matches either target's SLA status.") TargetStatus slaStatus,
            @Description("true: only escalated tickets; false: only tickets not escalated.") Boolean escalated,
            @Description("Words in the title or description, or a ticket number such as T-10042.") String q,
            @Description("NEWEST (default), OLDEST, DUE (earliest SLA due first) or UPDATED (oldest change first, for sync).") TicketSort sort,
            @Description("Only tickets changed at or after this instant (incremental sync, with sort UPDATED).") Instant updatedSince) {

        TicketFilter toFilter() {
            return TicketFilter.of(status, priority, service, organizationId, "filter.organizationId", assigneeId, slaStatus,
                    escalated, q, sort, updatedSince, "filter.updatedSince");
        }
    }

    @Input("TicketUpdateInput")
    @Description("Only the fields given change (as REST PATCH). A priority change needs a reason; an exclusion needs a note. "
            + "unassign and clearExclusion stand for REST's explicit nulls.")
    public record TicketUpdateInput(
            @Description("The new status; the lifecycle and the caller's role decide which transitions are allowed.") TicketStatus status,
            @Description("The new priority (staff); it needs a reason.") Priority priority,
            @Description("Required when the priority changes.") String reason,
            @Id @Description("Assign to this staff member (technicians: themselves only).") String assigneeId,
            @Description("True removes the assignee (supervisors).") Boolean unassign,
            @Description("The new service (staff); the ticket's scope is decided again.") ServiceLine service,
            @Description("The new category (staff).") Category category,
            @Description("Exclude the ticket from the SLA for this reason (staff); needs exclusionNote.") Exclusion exclusion,
            @Description("True clears the exclusion.") Boolean clearExclusion,
            @Description("Why the ticket is excluded; required with exclusion.") String exclusionNote) {

        TicketPatch toPatch() {
            boolean unassigning = Boolean.TRUE.equals(unassign);
            boolean clearing = Boolean.TRUE.equals(clearExclusion);
            if (unassigning && assigneeId != null) {
                throw ProblemException.invalid("input.unassign", "cannot be combined with assigneeId");
            }
            if (clearing && exclusion != null) {
                throw ProblemException.invalid("input.clearExclusion", "cannot be combined with exclusion");
            }
            Optional<String> assignee = unassigning ? Optional.empty() : assigneeId == null ? null : Optional.of(assigneeId);
            Optional<Exclusion> excl = clearing ? Optional.empty() : exclusion == null ? null : Optional.of(exclusion);
            return new TicketPatch(status, priority, reason, assignee, service, category, excl, exclusionNote);
        }
    }

    @Type("OpenTicketPayload")
    @Description("The opened ticket; replayed is true when the idempotency key was seen before and the first ticket is returned.")
    public record OpenTicketPayload(
            @NonNull @Description("The ticket opened (or, when replayed, the one opened first).") TicketView ticket,
            @NonNull @Description("True when the idempotency key was seen before: nothing new was opened.") boolean replayed) {
    }
}
