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
    public record TicketConnection(@NonNull List<@NonNull TicketEdge> edges, @NonNull PageInfo pageInfo,
            @Ignore TicketFilter filter) {
    }

    @Type("TicketEdge")
    @Description("A ticket and the cursor that resumes after it.")
    public record TicketEdge(@NonNull String cursor, @NonNull TicketView node) {
    }

    @Input("TicketFilter")
    @Description("List filters; they combine with AND and null means any. A client only ever sees their organization's tickets.")
    public record TicketFilterInput(TicketStatus status, Priority priority, ServiceLine service, @Id String organizationId,
            @Description("A staff member's id (token subject).") String assigneeId,
            @Description("Matches either target's SLA status.") TargetStatus slaStatus, Boolean escalated,
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
    public record TicketUpdateInput(TicketStatus status, Priority priority,
            @Description("Required when the priority changes.") String reason,
            @Description("Assign to this staff member (technicians: themselves only).") String assigneeId,
            @Description("true removes the assignee (supervisors).") Boolean unassign, ServiceLine service,
            Category category, Exclusion exclusion, @Description("true clears the exclusion.") Boolean clearExclusion,
            String exclusionNote) {

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
    public record OpenTicketPayload(@NonNull TicketView ticket, @NonNull boolean replayed) {
    }
}
